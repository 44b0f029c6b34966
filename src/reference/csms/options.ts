/** The settings of a reference CSMS. */
import type { TlsOptions } from '../../transport/security';
import type { CsmsFault } from '../faults';

/** How the reference CSMS is set up. */
export interface ReferenceCsmsOptions {
  readonly port: number;
  readonly host?: string;
  readonly path: string;
  /** Required Basic-auth password per station id; a station not listed may connect with any password (or none). */
  readonly passwords?: ReadonlyMap<string, string>;
  readonly tls?: TlsOptions;
  readonly heartbeatInterval: number;
  /** The interval sent with a Pending BootNotificationResponse. */
  readonly pendingInterval: number;
  readonly timeoutMs: number;
  readonly faults?: ReadonlySet<CsmsFault>;
  readonly log?: (message: string) => void;
}
