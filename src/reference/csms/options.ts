/** The settings of a reference CSMS. */
import type { ConfiguredIdToken, ConfiguredIdTokens } from '../../engine/config';
import type { SecurityMaterial } from '../../transport/profiles';
import type { SecurityProfile, TlsOptions } from '../../transport/security';
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
  /** Blocks C, D, E, J: the idTokens the CSMS knows, by the status their name promises (from `configured.idTokens`). */
  readonly idTokens?: ConfiguredIdTokens;
  /** The group id of the master pass idToken (`configured.masterPassGroupId`). */
  readonly masterPassGroupId?: ConfiguredIdToken;
  /** The eMAID the CSMS knows as valid (`configured.emaid`; idToken type eMAID). */
  readonly emaid?: string;
  /** Block A (issue 4): the security profile of the endpoint at `port` and the certificates to serve, sign and trust; absent: profile 1 (2 or 3 with `tls`). */
  readonly security?: { readonly profile: SecurityProfile; readonly material: SecurityMaterial };
  readonly log?: (message: string) => void;
}
