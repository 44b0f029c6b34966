/** The SUT-side actions that OCPP itself cannot cause, as data: what a driver backend performs and what an operator is asked to do. */
import { CSMS_ACTION_KINDS, describeCsmsAction, type CsmsAction } from './csms-actions';
import { describeStationAction, type StationAction } from './station-actions';

export type { CsmsAction } from './csms-actions';
export type { StationAction } from './station-actions';

/** Any action a case can ask of a driver. */
export type DriverAction = StationAction | CsmsAction;

/** True when the action is done to a CSMS (otherwise to a station). */
export function isCsmsAction(action: DriverAction): action is CsmsAction {
  return Object.prototype.hasOwnProperty.call(CSMS_ACTION_KINDS, action.kind);
}

/** The instruction an operator reads for `action`, in plain words. */
export function describeAction(action: DriverAction): string {
  return isCsmsAction(action) ? describeCsmsAction(action) : describeStationAction(action);
}
