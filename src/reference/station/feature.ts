/** How the reference station grows: each functional block is a feature that adds CALL handlers, triggers, driver actions and boot hooks. */
import type { IncomingCall } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { StationAction } from '../../drivers/actions';
import type { StationFault } from '../faults';
import type { DeviceModel } from './device-model';
import type { ReferenceStationOptions } from './options';

/** Where the station stands with the CSMS. */
export type BootState = 'offline' | 'booting' | 'Pending' | 'Rejected' | 'Accepted';

/** Why the station sends a BootNotification. */
export type BootReason = OcppRequests['BootNotification']['reason'];

/** Answers one CSMS CALL. Throwing answers CALLERROR InternalError. */
export type CallHandler<A extends OcppAction> = (call: IncomingCall<A>) => OcppResponses[A] | Promise<OcppResponses[A]>;

/** CALL handlers by action. */
export type CallHandlers = { [A in OcppAction]?: CallHandler<A> };

/** A message TriggerMessage can ask for. */
export type TriggerName = OcppRequests['TriggerMessage']['requestedMessage'];

/** What a feature can use of the station. */
export interface StationRuntime {
  readonly options: ReferenceStationOptions;
  readonly deviceModel: DeviceModel;
  readonly bootState: BootState;
  /** True when the fault is switched on. */
  has(fault: StationFault): boolean;
  /** Sends a CALL; resolves undefined (and logs) when there is no connection or no good answer, as a real station carries on. */
  send<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<OcppResponses[A] | undefined>;
  /** Runs `action` after `ms` unless the station stops or reboots first. */
  later(ms: number, action: () => void): void;
  log(message: string): void;
  /** Power-cycles the station. */
  reboot(reason?: BootReason): Promise<void>;
}

/** One functional block of the reference station. Every member is optional. */
export interface StationFeature {
  /** Handlers of CSMS CALLs; a later feature's handler replaces an earlier one's for the same action. */
  readonly handlers?: CallHandlers;
  /**
   * Messages this feature sends when TriggerMessage asks for them; the handler answers Accepted, then runs `send`
   * (`evseId` / `connectorId` are what the trigger named, if anything). Return false from `accepts` to answer Rejected.
   */
  readonly triggers?: { readonly [T in TriggerName]?: { send(evseId?: number, connectorId?: number): void | Promise<void>; accepts?(evseId?: number, connectorId?: number): boolean } };
  /** Runs after every accepted BootNotification, once the connectors have been reported. */
  onAccepted?(): void | Promise<void>;
  /** Performs a driver action; returns false when the action is not this feature's. */
  perform?(action: StationAction): boolean | Promise<boolean>;
  /** Releases timers and state when the station stops. */
  stop?(): void;
  /** Runs when the station goes down for a reboot (power cycle or reset), before it connects again. */
  onReboot?(): void;
}
