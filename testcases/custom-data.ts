/** The customData object the custom-data cases send: the configured vendor id plus a property only that vendor would know. */
import type { RunConfig } from '../src/engine/config';

/** A customData value with an extra, vendor-specific property (customData is open to extension). */
export function customData(config: RunConfig): { vendorId: string; ocppCtProbe: string } {
  return { vendorId: config.configured.customDataVendorId, ocppCtProbe: 'custom data from the conformance harness' };
}
