/** The settings of a reference station. */
import type { EvseLayout } from '../../engine/config';
import type { TlsOptions } from '../../transport/security';
import type { StationFault } from '../faults';

/** How the reference station is set up. */
export interface ReferenceStationOptions {
  readonly csmsUrl: string;
  readonly stationId: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly evses: readonly EvseLayout[];
  readonly vendorName: string;
  readonly model: string;
  /** Upper bound of each wait of the station itself (connect, answers to its CALLs). */
  readonly timeoutMs: number;
  /** Wait between connection attempts when the CSMS cannot be reached. */
  readonly reconnectDelayMs?: number;
  readonly faults?: ReadonlySet<StationFault>;
  /** Called with every problem the station meets (lost answers, refused connections), for logs. */
  readonly log?: (message: string) => void;
}
