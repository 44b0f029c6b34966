/** Other set-ups of the reference SUTs, so that a case written for hardware the default reference lacks (no master pass UI, say) still runs against a reference that has it. */
import { resolveConfig, type RunConfig, type RunConfigFile } from '../engine/config';
import type { TestCase } from '../engine/testcase';

/** A named change to the run config that the reference SUT follows (it reads the declared hardware from the config). */
export interface ReferenceVariant {
  readonly name: string;
  readonly config: RunConfigFile;
}

/** Every variant the reference SUTs can take, tried in this order. */
export const REFERENCE_VARIANTS: readonly ReferenceVariant[] = [
  { name: 'station without a master pass UI (Part 5 C-08)', config: { configured: { masterPassUi: false } } },
  { name: 'station without the SummaryInventory base report (B07.FR.02)', config: { configured: { summaryInventory: false } } },
  { name: 'station that does not support componentCriteria Active (B08.FR.02)', config: { configured: { unsupportedComponentCriteria: ['Active'] } } },
  { name: 'station that cannot reset a single EVSE (Part 5 NOT C-13)', config: { configured: { resetPerEvse: false } } },
];

/**
 * When `testCase` does not apply to `config` but does to one of the variants: that variant and the config it makes
 * (`config` with the variant laid over it). Undefined when the case applies as it is, or under no variant.
 */
export function referenceVariantFor(testCase: TestCase, config: RunConfig): { readonly variant: ReferenceVariant; readonly config: RunConfig } | undefined {
  if (!testCase.applicable?.(config)) return undefined;
  for (const variant of REFERENCE_VARIANTS) {
    const varied = resolveConfig(config as RunConfigFile, variant.config);
    if (!testCase.applicable(varied)) return { variant, config: varied };
  }
  return undefined;
}
