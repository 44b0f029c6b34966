/** Block E of the reference station: transactions started and stopped at the configured TxStartPoint / TxStopPoint, reported with TransactionEvent through an ordered, retried, offline-proof queue. */
import { randomUUID } from 'node:crypto';
import type { OcppRequests, TransactionEventRequest, TransactionEventResponse } from '../../ocpp/generated';
import { authorizerOf } from './authorization';
import { evModel, isConnected, type Authorization, type EvModel, type EvseState, type IdToken, type StopReason } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf, measurandsOf, readMeter, settingOf, type MeterValue } from './meter';

/** TriggerReasonEnumType. */
export type TriggerReason = TransactionEventRequest['triggerReason'];

/** ChargingStateEnumType. */
export type ChargingState = NonNullable<TransactionEventRequest['transactionInfo']['chargingState']>;

/** The values of TxCtrlr.TxStartPoint / TxStopPoint. */
export type TxPoint = 'ParkingBayOccupancy' | 'EVConnected' | 'Authorized' | 'DataSigned' | 'PowerPathClosed' | 'EnergyTransfer';

/** One transaction of an EVSE. */
export interface Transaction {
  readonly id: string;
  readonly evseId: number;
  /** The seqNo of the next TransactionEventRequest. */
  nextSeqNo: number;
  /** Transaction.Begin meter values have been sent. */
  beginSent: boolean;
  /** Readings collected for the Ended event (SampledDataCtrlr / AlignedDataCtrlr TxEndedInterval). */
  readonly endedSamples: MeterValue[];
}

/** What happened during the current session of an EVSE, to decide when a TxStopPoint condition has ended. */
interface Seen {
  bay: boolean;
  connected: boolean;
  authorized: boolean;
  powerPath: boolean;
  energy: boolean;
}

/** The transaction state of one EVSE. */
interface Session {
  readonly evse: EvseState;
  tx?: Transaction;
  /** The next TransactionEventRequest carries the idToken (after an authorization). */
  idTokenPending: boolean;
  /** The next TransactionEventRequest carries evse.id and connectorId (after the EV connected). */
  evsePending: boolean;
  /** The next TransactionEventRequest has triggerReason RemoteStart and this remoteStartId. */
  remoteStartPending?: number;
  powerPath: boolean;
  /** The chargingState last reported for the transaction. */
  chargingState: ChargingState;
  /** Why the authorization ended, for the Ended event that may follow later (EV unplugged, bay vacated). */
  stopReason?: StopReason;
  seen: Seen;
  connectTimer?: NodeJS.Timeout;
  /** After an invalid idToken with StopTxOnInvalidId false (E05.FR.02/03): the register value (Wh) up to which energy may still flow; at it the energy is suspended. */
  energyLimitWh?: number;
  /** Timer that suspends the energy when energyLimitWh is reached. */
  limitTimer?: NodeJS.Timeout;
}

/** A TransactionEventRequest waiting to be delivered. */
interface Queued {
  readonly payload: TransactionEventRequest;
  readonly transactionId: string;
  /** Failed deliveries so far (E13). */
  failures: number;
}

const NEVER_SEEN: Seen = { bay: false, connected: false, authorized: false, powerPath: false, energy: false };

/**
 * The transaction machinery of one reference station. Every event (cable, bay, EV, authorization, stop request)
 * updates the EVSE's session and, when a transaction is (or gets) open, produces one TransactionEventRequest whose
 * eventType is Ended as soon as a condition of TxStopPoint no longer holds.
 */
export class TransactionEngine {
  private readonly model: EvModel;
  private readonly sessions = new Map<number, Session>();
  private readonly queue: Queued[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Callers of `drained` waiting for the queue to empty. */
  private readonly drainWaiters = new Set<() => void>();
  private pumping = false;

  constructor(private readonly station: StationRuntime) {
    this.model = evModel(station);
    for (const evse of this.model.evses.values()) {
      this.sessions.set(evse.id, { evse, idTokenPending: false, evsePending: false, powerPath: false, chargingState: 'Idle', seen: { ...NEVER_SEEN } });
    }
  }

  /** The open transaction of an EVSE, if any. */
  ongoing(evseId: number): Transaction | undefined {
    return this.sessions.get(evseId)?.tx;
  }

  /** Every open transaction. */
  get open(): Transaction[] {
    return [...this.sessions.values()].flatMap((s) => (s.tx ? [s.tx] : []));
  }

  /** Whether a TransactionEventRequest is waiting for delivery (of one transaction, or of any). */
  hasQueued(transactionId?: string): boolean {
    return this.queue.some((q) => transactionId === undefined || q.transactionId === transactionId);
  }

  /** Sends an Updated event carrying meter values (MeterValuePeriodic, MeterValueClock, Trigger). */
  meterUpdate(evseId: number, triggerReason: TriggerReason, meterValue?: MeterValue): void {
    const session = this.sessions.get(evseId);
    if (!session?.tx) return;
    this.event(session, 'Updated', triggerReason, triggerReason === 'Trigger' ? { chargingState: session.chargingState } : {}, meterValue ? [meterValue] : undefined);
  }

  /** Adds a reading to the meter values of the transaction's Ended event. */
  addEndedSample(evseId: number, meterValue: MeterValue): void {
    this.sessions.get(evseId)?.tx?.endedSamples.push(meterValue);
  }

  /** B12.FR.04 / B12.FR.08: an Immediate reset ends the EVSE's transaction at once (triggerReason ResetCommand, stoppedReason ImmediateReset). */
  endForReset(evseId: number): void {
    const session = this.sessions.get(evseId);
    if (!session?.tx) return;
    const chargingState: ChargingState = this.model.connectedConnector(session.evse) ? 'EVConnected' : 'Idle';
    session.chargingState = chargingState;
    this.event(session, 'Ended', 'ResetCommand', { chargingState }, undefined, 'ImmediateReset');
  }

  /** Resolves once no TransactionEventRequest waits for delivery, or after `ms` at most (B12.FR.05: the rest goes out after the reboot). */
  drained(ms: number): Promise<void> {
    if (this.queue.length === 0 && !this.pumping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.drainWaiters.delete(done);
        this.cancel(timer);
        resolve();
      };
      const timer = this.timer(ms, done);
      this.drainWaiters.add(done);
    });
  }

  /** Sends what is queued once the station is accepted again (E11.FR.02, E12.FR.02). */
  resume(): void {
    void this.pump();
  }

  /** Releases timers when the station stops. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- inputs ----------------------------------------------------------------------------------------------------

  /** The EV was connected or disconnected (or one end of the cable changed). */
  onCable(evse: EvseState, side: 'both' | 'ev' | 'station', wasConnected: boolean, connected: boolean): void {
    const session = this.session(evse);
    if (connected && !wasConnected) return this.evConnected(session);
    if (!connected && wasConnected) this.evDisconnected(session, side === 'ev');
  }

  /** The parking bay sensor changed. */
  onBay(evse: EvseState): void {
    const session = this.session(evse);
    if (evse.bayOccupied) {
      session.seen.bay = true;
      if (!session.tx && this.startPoints.has('ParkingBayOccupancy')) {
        this.openTransaction(session);
        this.event(session, 'Started', 'EVDetected', {});
      }
      return;
    }
    if (!session.tx) return;
    this.event(session, this.stopConditionMet(session) ? 'Ended' : 'Updated', 'EVDeparted', {}, undefined, session.stopReason ?? 'EVDisconnected');
  }

  /** The EV changed its readiness for energy. */
  onEv(evse: EvseState): void {
    this.progress(this.session(evse));
  }

  /** A token (local) or RequestStartTransaction (remote) authorized charging on `evse`. */
  onAuthorized(evse: EvseState, authorization: Authorization): void {
    const session = this.session(evse);
    evse.authorization = authorization;
    session.seen.authorized = true;
    session.idTokenPending = true;
    session.stopReason = undefined;
    session.energyLimitWh = undefined;
    if (authorization.remoteStartId !== undefined) session.remoteStartPending = authorization.remoteStartId;
    if (session.tx) {
      this.event(session, 'Updated', 'Authorized', {});
    } else if (this.startPoints.has('Authorized')) {
      this.openTransaction(session);
      this.event(session, 'Started', 'Authorized', { chargingState: this.model.connectedConnector(evse) ? 'EVConnected' : 'Idle' });
    }
    if (!this.model.connectedConnector(evse)) this.startConnectTimer(session);
    this.progress(session);
  }

  /** The authorization ends by request: token presented again, master pass, or RequestStopTransaction. */
  onStopRequested(evse: EvseState, triggerReason: 'StopAuthorized' | 'RemoteStop', stoppedReason: StopReason, idToken?: Authorization['idToken']): void {
    const session = this.session(evse);
    if (!evse.authorization) {
      // A transaction nobody authorized (TxStartPoint EVConnected, bay…) still ends when the CSMS stops it.
      if (session.tx && triggerReason === 'RemoteStop') this.event(session, 'Ended', triggerReason, { chargingState: this.model.connectedConnector(evse) ? 'EVConnected' : 'Idle' }, undefined, stoppedReason);
      return;
    }
    this.endAuthorization(session, stoppedReason);
    if (!session.tx) return;
    const chargingState: ChargingState = this.model.connectedConnector(evse) ? 'EVConnected' : 'Idle';
    // Fault auth.stopEventWithoutToken: the event of a stop by a presented token leaves that token out.
    const withToken = idToken && !(triggerReason === 'StopAuthorized' && this.station.has('auth.stopEventWithoutToken')) ? { idToken } : {};
    // Fault remoteStop.noTrigger: the remote stop shows only as a change of the charging state.
    const trigger: TriggerReason = triggerReason === 'RemoteStop' && this.station.has('remoteStop.noTrigger') ? 'ChargingStateChanged' : triggerReason;
    // Stopped before any EV came (and no occupied bay keeps it): nothing is left for the transaction to wait for.
    const nothingLeft = !this.model.connectedConnector(evse) && !(this.stopPoints.has('ParkingBayOccupancy') && evse.bayOccupied);
    if (this.stopConditionMet(session) || nothingLeft) {
      if (this.station.options.stopEvents === 'two' && !this.stopPoints.has('Authorized') && session.chargingState !== chargingState) {
        // The other path errata 2025-09 6.2.117 allows: the end of the authorization as an Updated event, then the power path opening
        // (the TxStopPoint condition PowerPathClosed / EnergyTransfer) ends the transaction with the charging state change.
        this.event(session, 'Updated', trigger, {}, undefined, undefined, withToken);
        session.chargingState = chargingState;
        this.event(session, 'Ended', 'ChargingStateChanged', { chargingState }, undefined, stoppedReason);
        return;
      }
      // Fault transaction.endedWhileCharging: the one event that stops and ends the transaction still reports the energy flowing.
      const reported: ChargingState = this.station.has('transaction.endedWhileCharging') && session.chargingState === 'Charging' ? 'Charging' : chargingState;
      session.chargingState = chargingState;
      this.event(session, 'Ended', trigger, { chargingState: reported }, undefined, stoppedReason, withToken);
      return;
    }
    if (stoppedReason === 'StoppedByEV') {
      // E15: the EV ended the session; one event says so and gives the new charging state.
      session.chargingState = chargingState;
      this.event(session, 'Updated', triggerReason, { chargingState }, undefined, undefined, withToken);
      return;
    }
    this.event(session, 'Updated', trigger, {}, undefined, undefined, withToken);
    this.reportChargingState(session, chargingState);
  }

  /** The CSMS said the token of a transaction is not (or no longer) valid (E06.FR.04, C15). */
  onInvalidToken(transactionId: string): void {
    const session = [...this.sessions.values()].find((s) => s.tx?.id === transactionId);
    if (!session?.evse.authorization || this.station.has('deauthorize.ignored')) return;
    if (flagOf(this.station, 'TxCtrlr', 'StopTxOnInvalidId')) return this.deauthorize(session, 'Deauthorized', 'DeAuthorized');
    // E05.FR.02 / E05.FR.03, C15.FR.06 / C15.FR.07: the authorization stays; energy flows on only up to MaxEnergyOnInvalidId.
    if (this.station.has('invalidId.energyNotSuspended')) return;
    session.energyLimitWh = this.model.readEnergy(session.evse) + settingOf(this.station, 'TxCtrlr', 'MaxEnergyOnInvalidId', 0);
    this.progress(session);
  }

  // ---- the session logic -----------------------------------------------------------------------------------------

  private session(evse: EvseState): Session {
    return this.sessions.get(evse.id) as Session;
  }

  private get startPoints(): Set<TxPoint> {
    if (this.station.has('txStartPoint.ignored')) return new Set(['EVConnected', 'Authorized']);
    return new Set(this.station.deviceModel.getList('TxCtrlr', 'TxStartPoint') as TxPoint[]);
  }

  private get stopPoints(): Set<TxPoint> {
    if (this.station.has('txStopPoint.ignored')) return new Set(['EVConnected']);
    return new Set(this.station.deviceModel.getList('TxCtrlr', 'TxStopPoint') as TxPoint[]);
  }

  /** Whether a TxStopPoint condition that held during the session no longer holds (E06.FR.01-07). */
  private stopConditionMet(session: Session): boolean {
    const { evse, seen } = session;
    const connected = this.model.connectedConnector(evse) !== undefined;
    const authorized = evse.authorization !== undefined;
    const flowing = evse.flowingSince !== undefined;
    const lost = (point: TxPoint, was: boolean, now: boolean) => this.stopPoints.has(point) && was && !now;
    return (
      lost('ParkingBayOccupancy', seen.bay, evse.bayOccupied) ||
      lost('EVConnected', seen.connected, connected) ||
      lost('Authorized', seen.authorized, authorized) ||
      lost('EnergyTransfer', seen.energy, flowing) ||
      (this.stopPoints.has('PowerPathClosed') && ((seen.powerPath && !session.powerPath) || (seen.authorized && !authorized) || (seen.connected && !connected))) ||
      // A transaction that was never authorized is over when its EV leaves (unless the bay decides).
      (!seen.authorized && seen.connected && !connected && !this.stopPoints.has('ParkingBayOccupancy'))
    );
  }

  private evConnected(session: Session): void {
    this.cancel(session.connectTimer);
    session.seen.connected = true;
    session.evsePending = true;
    if (session.tx) {
      session.chargingState = 'EVConnected';
      this.event(session, 'Updated', 'CablePluggedIn', { chargingState: 'EVConnected' });
    } else if (this.startPoints.has('EVConnected')) {
      this.openTransaction(session);
      session.chargingState = 'EVConnected';
      this.event(session, 'Started', 'CablePluggedIn', { chargingState: 'EVConnected' });
    }
    this.progress(session);
  }

  /** E09 / E10: the EV is gone; pulled at the EV side only, StopTxOnEVSideDisconnect decides between deauthorizing and suspending. */
  private evDisconnected(session: Session, evSideOnly: boolean): void {
    const { evse } = session;
    session.powerPath = false;
    this.model.setFlowing(evse, false);
    const stopOnEvSide = flagOf(this.station, 'TxCtrlr', 'StopTxOnEVSideDisconnect') || this.station.has('evSideDisconnect.ignored');
    const suspend = evSideOnly && !stopOnEvSide;
    const lockedBy = evse.authorization?.idToken;
    if (!suspend && evse.authorization) this.endAuthorization(session, session.stopReason ?? 'EVDisconnected');
    // E09.FR.02 / E09.FR.03: after an EV-side disconnect that deauthorizes, a socket keeps the cable locked unless UnlockOnEVSideDisconnect.
    const socket = evse.connectors.some((c) => c.stationSide && !c.fixedCable);
    if (evSideOnly && !suspend && lockedBy && socket && !flagOf(this.station, 'OCPPCommCtrlr', 'UnlockOnEVSideDisconnect')) evse.unlockToken = lockedBy;
    if (!session.tx) return;
    session.chargingState = 'Idle';
    if (this.stopConditionMet(session)) {
      this.event(session, 'Ended', 'EVCommunicationLost', { chargingState: 'Idle' }, undefined, session.stopReason ?? 'EVDisconnected');
      return;
    }
    this.event(session, 'Updated', 'EVCommunicationLost', { chargingState: 'Idle' });
    if (suspend && evse.authorization) this.startConnectTimer(session);
  }

  /** E03.FR.05 / E03.FR.15: no EV within TxCtrlr.EVConnectionTimeOut after authorization. */
  private startConnectTimer(session: Session): void {
    this.cancel(session.connectTimer);
    if (this.station.has('evConnectionTimeout.ignored')) return;
    const seconds = settingOf(this.station, 'TxCtrlr', 'EVConnectionTimeOut', 0);
    if (seconds <= 0) return;
    session.connectTimer = this.timer(seconds * 1000, () => {
      if (!session.evse.authorization || this.model.connectedConnector(session.evse)) return;
      this.deauthorize(session, 'EVConnectTimeout', 'Timeout');
    });
  }

  private deauthorize(session: Session, triggerReason: 'Deauthorized' | 'EVConnectTimeout', stoppedReason: StopReason): void {
    const remote = session.evse.authorization?.via === 'remote';
    this.endAuthorization(session, stoppedReason);
    if (!session.tx) return;
    const chargingState: ChargingState = this.model.connectedConnector(session.evse) ? 'EVConnected' : 'Idle';
    // F02.FR.07: after a remote start, an EV that never came ends the transaction unless the parking bay decides (F02.FR.08);
    // after a local one E03.FR.05 only recommends it, and the stop points decide (as TC_E_05_CS expects).
    const ending = this.stopConditionMet(session) || (remote && triggerReason === 'EVConnectTimeout' && !this.stopPoints.has('ParkingBayOccupancy'));
    session.chargingState = chargingState;
    this.event(session, ending ? 'Ended' : 'Updated', triggerReason, { chargingState }, undefined, ending ? stoppedReason : undefined);
  }

  private endAuthorization(session: Session, stoppedReason: StopReason): void {
    this.cancel(session.connectTimer);
    this.cancel(session.limitTimer);
    session.energyLimitWh = undefined;
    session.evse.authorization = undefined;
    session.stopReason = stoppedReason;
    session.powerPath = false;
    this.model.setFlowing(session.evse, false);
  }

  /** Closes the power path and starts or suspends the energy transfer as far as authorization, cable and EV allow. */
  private progress(session: Session): void {
    const { evse } = session;
    const connected = this.model.connectedConnector(evse) !== undefined && !evse.connectors.some((c) => c.faulted && isConnected(c));
    if (!evse.authorization || !connected) return;
    if (!session.powerPath) {
      if (!session.tx && this.startPoints.has('DataSigned') && flagOf(this.station, 'SampledDataCtrlr', 'SignReadings')) {
        this.openTransaction(session);
        this.event(session, 'Started', 'SignedDataReceived', { chargingState: 'EVConnected' });
      }
      session.powerPath = true;
      session.seen.powerPath = true;
      if (!session.tx && this.startPoints.has('PowerPathClosed')) {
        this.openTransaction(session);
        session.chargingState = 'SuspendedEVSE';
        this.event(session, 'Started', 'ChargingStateChanged', { chargingState: 'SuspendedEVSE' });
      }
    }
    const wanted: ChargingState = this.energyLimitReached(session) || !this.model.energyAllowed(evse) ? 'SuspendedEVSE' : evse.ev === 'ready' ? 'Charging' : 'SuspendedEV';
    if (wanted === 'Charging' && this.station.has('transaction.noChargingStart')) return;
    const flowing = wanted === 'Charging';
    if ((evse.flowingSince !== undefined) === flowing && session.chargingState === wanted) return;
    this.model.setFlowing(evse, flowing);
    if (flowing) session.seen.energy = true;
    if (!session.tx) {
      if (flowing && this.startPoints.has('EnergyTransfer')) {
        this.openTransaction(session);
        session.chargingState = 'Charging';
        this.event(session, 'Started', 'ChargingStateChanged', { chargingState: 'Charging' });
      }
      return;
    }
    if (!flowing && this.stopConditionMet(session)) {
      // E06.FR.07: with TxStopPoint EnergyTransfer, an EV that stops taking energy ends the transaction.
      session.chargingState = 'EVConnected';
      this.event(session, 'Ended', 'ChargingStateChanged', { chargingState: 'EVConnected' }, undefined, 'StoppedByEV');
      return;
    }
    if (wanted === 'SuspendedEV' && this.station.has('ev.suspendNotReported')) return;
    this.reportChargingState(session, wanted);
  }

  /** Whether the energy allowed after an invalid idToken has been delivered; while it has not and energy flows, a timer calls `progress` when it will have been. */
  private energyLimitReached(session: Session): boolean {
    if (session.energyLimitWh === undefined) return false;
    const left = session.energyLimitWh - this.model.readEnergy(session.evse);
    if (left <= 0) return true;
    this.cancel(session.limitTimer);
    const power = this.model.power(session.evse);
    if (power > 0) session.limitTimer = this.timer(Math.ceil((left / power) * 3_600_000), () => this.progress(session));
    return false;
  }

  private reportChargingState(session: Session, chargingState: ChargingState): void {
    if (session.chargingState === chargingState) return;
    session.chargingState = chargingState;
    this.event(session, 'Updated', 'ChargingStateChanged', { chargingState });
  }

  private openTransaction(session: Session): void {
    const tx: Transaction = { id: randomUUID(), evseId: session.evse.id, nextSeqNo: 0, beginSent: false, endedSamples: [] };
    session.tx = tx;
    // Conditions that already hold when the transaction opens count as seen for its stop points.
    session.seen = {
      bay: session.evse.bayOccupied,
      connected: this.model.connectedConnector(session.evse) !== undefined,
      authorized: session.evse.authorization !== undefined,
      powerPath: session.powerPath,
      energy: session.evse.flowingSince !== undefined,
    };
    this.model.emit('transaction', { evse: session.evse, transactionId: tx.id, started: true });
  }

  /** Builds one TransactionEventRequest for the session's transaction and queues it; an Ended event closes the session's transaction. */
  private event(
    session: Session,
    eventType: TransactionEventRequest['eventType'],
    triggerReason: TriggerReason,
    info: { chargingState?: ChargingState },
    meterValue?: MeterValue[],
    stoppedReason?: StopReason,
    extra: Pick<TransactionEventRequest, 'idToken'> = {},
  ): void {
    const tx = session.tx;
    if (!tx) return;
    const { evse } = session;
    const station = this.station;
    const seqNo = tx.nextSeqNo;
    if (!station.has('transaction.wrongSeqNo') || seqNo === 0) tx.nextSeqNo++;
    let trigger = triggerReason;
    let remoteStartId: number | undefined;
    if (session.remoteStartPending !== undefined) {
      if (!station.has('remoteStart.notRemote')) {
        trigger = 'RemoteStart';
        remoteStartId = session.remoteStartPending;
      }
      session.remoteStartPending = undefined;
    }
    let idToken = extra.idToken;
    let reservationId: number | undefined;
    if (session.idTokenPending && evse.authorization) {
      session.idTokenPending = false;
      if (!station.has('transaction.noIdToken')) idToken = evse.authorization.idToken;
      // H01.FR.15: the event that reports the authorization names the reservation it used.
      if (!station.has('reservation.idNotReported')) reservationId = evse.authorization.reservationId;
    }
    const connector = this.model.connectedConnector(evse);
    let evseField: TransactionEventRequest['evse'];
    if (session.evsePending && connector) {
      session.evsePending = false;
      if (!station.has('transaction.noEvse')) evseField = { id: evse.id, connectorId: connector.connectorId };
    }
    const meter = [...(meterValue ?? [])];
    // Transaction.Begin readings go with the start when the EVSE is known, else with the first event that names it (E01.FR.09, E01.FR.17).
    if (!tx.beginSent && (evseField || (eventType === 'Started' && connector))) {
      tx.beginSent = true;
      const begin = station.has('meterValues.noTxBegin') ? undefined : readMeter(station, this.model, evse, measurandsOf(station, 'SampledDataCtrlr', 'TxStartedMeasurands'), 'Transaction.Begin', 'SampledDataCtrlr');
      if (begin) meter.unshift(begin);
    }
    if (eventType === 'Ended' && !station.has('meterValues.noTxEnded')) {
      const end = readMeter(station, this.model, evse, measurandsOf(station, 'SampledDataCtrlr', 'TxEndedMeasurands'), 'Transaction.End', 'SampledDataCtrlr');
      meter.push(...tx.endedSamples, ...(end ? [end] : []));
    }
    const reason = station.has('transaction.wrongStoppedReason') && eventType === 'Ended' ? 'Other' : stoppedReason;
    const payload: TransactionEventRequest = {
      eventType: eventType === 'Started' && station.has('transaction.noStartedEvent') ? 'Updated' : eventType,
      timestamp: new Date().toISOString(),
      triggerReason: trigger,
      seqNo,
      ...(station.bootState === 'Accepted' ? {} : { offline: true }),
      transactionInfo: {
        transactionId: tx.id,
        ...(info.chargingState ? { chargingState: info.chargingState } : {}),
        ...(eventType === 'Ended' && reason ? { stoppedReason: reason } : {}),
        ...(remoteStartId === undefined ? {} : { remoteStartId }),
      },
      ...(evseField ? { evse: evseField } : {}),
      ...(idToken ? { idToken } : {}),
      ...(reservationId === undefined ? {} : { reservationId }),
      ...(meter.length > 0 ? { meterValue: meter as TransactionEventRequest['meterValue'] } : {}),
    };
    if (eventType === 'Ended') this.close(session);
    if (payload.offline && station.has('offline.notQueued')) return;
    this.queue.push({ payload, transactionId: tx.id, failures: 0 });
    void this.pump();
  }

  private close(session: Session): void {
    const tx = session.tx as Transaction;
    session.tx = undefined;
    this.cancel(session.connectTimer);
    session.evse.authorization = undefined;
    session.powerPath = false;
    this.model.setFlowing(session.evse, false);
    session.stopReason = undefined;
    session.idTokenPending = false;
    session.remoteStartPending = undefined;
    session.chargingState = this.model.connectedConnector(session.evse) ? 'EVConnected' : 'Idle';
    this.model.emit('transaction', { evse: session.evse, transactionId: tx.id, started: false });
  }

  // ---- delivery --------------------------------------------------------------------------------------------------

  /** Delivers the queue in order; a failed delivery is retried MessageAttempts times, MessageAttemptInterval × failures apart (E13). */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        if (this.station.bootState !== 'Accepted') return this.markOffline();
        const head = this.queue[0];
        const payload = this.station.has('offline.flagMissing') ? { ...head.payload, offline: undefined } : head.payload;
        const response = await this.station.send('TransactionEvent', payload);
        if (response) {
          this.queue.shift();
          this.answered(head, response);
          continue;
        }
        if (this.station.bootState !== 'Accepted') return this.markOffline();
        head.failures++;
        const attempts = this.transactionEventSetting('MessageAttempts', 3);
        if (this.station.has('retry.none') || (head.failures >= attempts && !this.station.has('retry.endless'))) {
          this.station.log(`TransactionEvent seqNo ${head.payload.seqNo} discarded after ${head.failures} failed attempt(s)`);
          this.queue.shift();
          continue;
        }
        await new Promise<void>((resolve) => this.timer(this.retryIntervalS() * head.failures * 1000, resolve));
      }
    } finally {
      this.pumping = false;
      if (this.queue.length === 0) for (const done of [...this.drainWaiters]) done();
    }
  }

  private retryIntervalS(): number {
    return this.transactionEventSetting('MessageAttemptInterval', 0);
  }

  /** OCPPCommCtrlr.<name>[TransactionEvent], or `fallback` when the station does not have it. */
  private transactionEventSetting(name: 'MessageAttempts' | 'MessageAttemptInterval', fallback: number): number {
    const dm = this.station.deviceModel;
    const key = { name, instance: 'TransactionEvent' };
    return dm.has('OCPPCommCtrlr', key) ? dm.getNumber('OCPPCommCtrlr', key) : fallback;
  }

  /** E11.FR.07: whatever is still queued when the connection is lost counts as occurred offline. */
  private markOffline(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const queued = this.queue[i];
      if (!queued.payload.offline) this.queue[i] = { ...queued, payload: { ...queued.payload, offline: true } };
    }
  }

  private answered(queued: Queued, response: TransactionEventResponse): void {
    this.model.emit('transactionAnswered', { request: queued.payload, response });
    const { idToken } = queued.payload;
    if (!idToken || !response.idTokenInfo) return;
    authorizerOf(this.station).remember(idToken, response.idTokenInfo);
    if (response.idTokenInfo.status !== 'Accepted') this.onInvalidToken(queued.transactionId);
  }

  private timer(ms: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  /** Stops a timer made by `timer` (nothing when it is undefined or has fired). */
  private cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

const engines = new WeakMap<StationRuntime, TransactionEngine>();

/** Why a feature refuses a remote start on an EVSE (a reasonCode), or undefined when it has no objection. */
export type RemoteStartRefusal = (evseId: number, idToken: IdToken, groupIdToken: IdToken | undefined, request: OcppRequests['RequestStartTransaction']) => string | undefined;

const refusals = new WeakMap<StationRuntime, RemoteStartRefusal[]>();

/** The checks RequestStartTransaction asks before it accepts (features add theirs with `push`). */
export function remoteStartRefusals(station: StationRuntime): RemoteStartRefusal[] {
  let list = refusals.get(station);
  if (!list) refusals.set(station, (list = []));
  return list;
}

/** The transaction engine of `station` (one per station, made on first use). */
export function transactionsOf(station: StationRuntime): TransactionEngine {
  let engine = engines.get(station);
  if (!engine) {
    engine = new TransactionEngine(station);
    engines.set(station, engine);
  }
  return engine;
}

/**
 * The transaction feature: wires the shared model's events into the engine and answers RequestStartTransaction
 * (keeping B02's refusal while the boot is Pending), RequestStopTransaction, GetTransactionStatus and
 * TriggerMessage(TransactionEvent); queued events go out after every accepted boot.
 */
export function transactionFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);
  model.on('cable', (change) => engine.onCable(change.evse, change.side, change.wasConnected, change.connected));
  model.on('bay', (evse) => engine.onBay(evse));
  model.on('ev', (evse) => engine.onEv(evse));
  model.on('authorized', ({ evse, authorization }) => evse && engine.onAuthorized(evse, authorization));
  model.on('stopRequested', ({ evse, triggerReason, stoppedReason, idToken }) => engine.onStopRequested(evse, triggerReason, stoppedReason, idToken));

  return {
    handlers: {
      RequestStartTransaction: (call) => {
        const { evseId, idToken, remoteStartId, groupIdToken } = call.payload;
        // B02: while Pending the station refuses to start (the boot.pendingStartsTransaction fault breaks this).
        if (station.bootState === 'Pending' && !station.has('boot.pendingStartsTransaction')) return { status: 'Rejected', statusInfo: { reasonCode: 'CSNotAccepted' } };
        const evse = evseId === undefined ? [...model.evses.values()].find((e) => !e.authorization) : model.evses.get(evseId);
        if (!evse || evse.authorization) return { status: 'Rejected', statusInfo: { reasonCode: evse ? 'TxInProgress' : 'UnknownEvse' } };
        // Other features' reasons to refuse (F02.FR.23-25: Unavailable, Faulted, reserved for someone else).
        const refusal = remoteStartRefusals(station).map((refuse) => refuse(evse.id, idToken, groupIdToken, call.payload)).find((reason) => reason !== undefined);
        if (refusal) return { status: 'Rejected', statusInfo: { reasonCode: refusal } };
        // F01.FR.21 / F01.FR.22: reserved for another idToken and group; a matching reservation is used up (H03.FR.09).
        const admitted = model.admit(evse, idToken, groupIdToken);
        if (admitted.refused) return { status: 'Rejected', statusInfo: { reasonCode: 'Reserved' } };
        const reservation = admitted.reservationId === undefined ? {} : { reservationId: admitted.reservationId };
        const transactionId = engine.ongoing(evse.id)?.id;
        station.later(0, () =>
          void (async () => {
            // F01.FR.01 / F01.FR.02 (faults remoteStart.noAuthorize, remoteStart.authorizesAlways bend them).
            const authorizeFirst = flagOf(station, 'AuthCtrlr', 'AuthorizeRemoteStart') ? !station.has('remoteStart.noAuthorize') : station.has('remoteStart.authorizesAlways');
            if (authorizeFirst) {
              const outcome = await authorizerOf(station).authorize(idToken);
              if (!outcome.accepted) return;
            }
            model.emit('authorized', { evse, authorization: { idToken, groupIdToken, remoteStartId, via: 'remote', ...reservation } });
          })(),
        );
        return { status: 'Accepted', ...(transactionId ? { transactionId } : {}) };
      },
      RequestStopTransaction: (call) => {
        const tx = engine.open.find((t) => t.id === call.payload.transactionId);
        if (!tx && station.has('remoteStop.acceptsUnknown')) return { status: 'Accepted' };
        if (!tx || station.has('remoteStop.rejected')) return { status: 'Rejected' };
        const evse = model.evse(tx.evseId);
        station.later(0, () => {
          if (evse.authorization) model.emit('stopRequested', { evse, triggerReason: 'RemoteStop', stoppedReason: 'Remote' });
        });
        return { status: 'Accepted' };
      },
      GetTransactionStatus: (call) => {
        const { transactionId } = call.payload;
        const queued = engine.hasQueued(transactionId) && !station.has('transactionStatus.queueHidden');
        const invert = station.has('transactionStatus.wrongOngoing');
        if (transactionId === undefined) return { messagesInQueue: queued, ...(invert ? { ongoingIndicator: engine.open.length > 0 } : {}) };
        const ongoing = engine.open.some((t) => t.id === transactionId);
        return { ongoingIndicator: invert ? !ongoing : ongoing, messagesInQueue: queued };
      },
    },
    triggers: {
      TransactionEvent: {
        accepts: (evseId) => (evseId === undefined ? engine.open.length > 0 : engine.ongoing(evseId) !== undefined),
        send: (evseId) => {
          // F06.FR.07: the triggered event carries the latest reading, context Trigger (fault trigger.wrongContext: Sample.Clock).
          const context = station.has('trigger.wrongContext') ? 'Sample.Clock' : 'Trigger';
          for (const tx of engine.open) {
            if (evseId !== undefined && tx.evseId !== evseId) continue;
            engine.meterUpdate(tx.evseId, 'Trigger', readMeter(station, model, model.evse(tx.evseId), measurandsOf(station, 'SampledDataCtrlr', 'TxUpdatedMeasurands'), context, 'SampledDataCtrlr'));
          }
        },
      },
    },
    onAccepted: () => engine.resume(),
    stop: () => engine.stop(),
  };
}
