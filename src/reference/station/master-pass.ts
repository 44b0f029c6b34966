/** Use case C16 of the reference station: an idToken of the master pass group (AuthCtrlr.MasterPassGroupId) stops transactions instead of starting one; with a master pass UI its holder chooses what to stop, without one everything stops. */
import type { StationAction } from '../../drivers/actions';
import { evModel, type IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';

/** The master pass handling of one station: which master pass token has the stop UI open, if any. */
export class MasterPass {
  /** The master pass token whose holder is looking at the stop UI (C16.FR.01). */
  private uiOpenFor: IdToken | undefined;
  /** A choice the driver made while the station was still checking the token (the operator waits for the UI, the in-process driver does not). */
  private early: { readonly evseId: number | undefined; readonly at: number } | undefined;

  constructor(private readonly station: StationRuntime) {}

  /** AuthCtrlr.MasterPassGroupId, when the station has it and it is set. */
  get groupId(): string | undefined {
    const dm = this.station.deviceModel;
    return dm.has('AuthCtrlr', 'MasterPassGroupId') ? dm.get('AuthCtrlr', 'MasterPassGroupId') || undefined : undefined;
  }

  /**
   * Called for every presented token the station has checked: when its groupIdToken is the master pass group, the
   * token never authorizes charging (C16.FR.03). Presented at the reader of an EVSE that charges, it stops that
   * transaction (the choice is where it was presented); presented at the station, it opens the stop UI (C16.FR.01).
   * Returns whether the token was a master pass (the caller then does nothing more).
   */
  claims(token: IdToken, accepted: boolean, groupIdToken: IdToken | undefined, evseId: number | undefined): boolean {
    const group = this.groupId;
    if (!accepted || group === undefined || groupIdToken?.idToken !== group) return false;
    if (evseId !== undefined && evModel(this.station).evses.get(evseId)?.authorization) {
      this.uiOpenFor = token;
      this.select(evseId);
      return true;
    }
    if (this.station.options.masterPassUi === false) {
      // C16.FR.02: no UI to choose on, so every transaction stops.
      this.station.log(`idToken ${token.idToken} is a master pass: every transaction stops`);
      if (!this.station.has('masterPass.stopsNothing')) this.stop(token, undefined);
      return true;
    }
    this.station.log(`idToken ${token.idToken} is a master pass: stop UI shown`);
    if (!this.station.has('masterPass.stopsNothing')) this.uiOpenFor = token;
    const early = this.early;
    this.early = undefined;
    if (early && Date.now() - early.at <= this.station.options.timeoutMs) this.select(early.evseId);
    return true;
  }

  /** The holder's choice on the UI: stop every transaction, or the one on `evseId` (stoppedReason MasterPass). */
  select(evseId: number | undefined): void {
    const token = this.uiOpenFor;
    this.uiOpenFor = undefined;
    if (!token) {
      this.early = { evseId, at: Date.now() };
      return this.station.log('stop selection made before a master pass opened the UI: kept until it does');
    }
    this.stop(token, this.station.has('masterPass.stopsAll') ? undefined : evseId);
  }

  /** Stops, with stoppedReason MasterPass, the transaction on `evseId`, or every transaction when it is undefined. */
  private stop(token: IdToken, chosen: number | undefined): void {
    const model = evModel(this.station);
    for (const evse of model.evses.values()) {
      if (evse.authorization && (chosen === undefined || evse.id === chosen)) model.emit('stopRequested', { evse, triggerReason: 'StopAuthorized', stoppedReason: 'MasterPass', idToken: token });
    }
  }
}

const masterPasses = new WeakMap<StationRuntime, MasterPass>();

/** The master pass handling of `station` (one per station, made on first use). */
export function masterPassOf(station: StationRuntime): MasterPass {
  let masterPass = masterPasses.get(station);
  if (!masterPass) {
    masterPass = new MasterPass(station);
    masterPasses.set(station, masterPass);
  }
  return masterPass;
}

/** The driver action localStopSelection: the choice made on the master pass UI. Presented tokens reach `claims` through the authorization feature. */
export function masterPassFeature(station: StationRuntime): StationFeature {
  const masterPass = masterPassOf(station);
  return {
    perform(action: StationAction): boolean {
      if (action.kind !== 'localStopSelection') return false;
      masterPass.select(action.evseId);
      return true;
    },
  };
}
