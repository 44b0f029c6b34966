/** How the reference CSMS grows: each functional block is a feature that answers station CALLs and performs CSMS driver actions. */
import type { CsmsAction } from '../../drivers/actions';
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { CsmsFault } from '../faults';
import type { ReferenceCsmsOptions } from './options';

/** One connected station, as the CSMS sees it. */
export interface StationSession {
  readonly stationId: string;
  readonly connection: OcppConnection;
  /** True once a BootNotification on this connection was answered Accepted. */
  readonly accepted: boolean;
}

/** Answers one station CALL. Throwing answers CALLERROR InternalError. */
export type CsmsCallHandler<A extends OcppAction> = (call: IncomingCall<A>, session: StationSession) => OcppResponses[A] | Promise<OcppResponses[A]>;

/** What a feature can use of the CSMS. */
export interface CsmsRuntime {
  readonly options: ReferenceCsmsOptions;
  has(fault: CsmsFault): boolean;
  /** The open session of a station, if it is connected. */
  session(stationId: string): StationSession | undefined;
  /** Sends a CALL to a connected station and returns its answer (throws when the station is not connected or the call fails). */
  call<A extends OcppAction>(stationId: string, action: A, payload: OcppRequests[A]): Promise<OcppResponses[A]>;
  log(message: string): void;
}

/** One functional block of the reference CSMS. Every member is optional. */
export interface CsmsFeature {
  /** Handlers of station CALLs (after the boot check); a later feature's handler replaces an earlier one's. */
  readonly handlers?: { readonly [A in OcppAction]?: CsmsCallHandler<A> };
  /** Performs a driver action; returns false when the action is not this feature's. */
  perform?(action: CsmsAction): boolean | Promise<boolean>;
}
