/**
 * The transaction reusable states of Part 6 §2.18 for CS cases: ParkingBayOccupied, EVConnectedPreSession,
 * EnergyTransferStarted, EnergyTransferSuspended, EVConnectedPostSession, EVDisconnected and ParkingBayUnoccupied, plus
 * the clean-up that returns the station to idle after a case.
 *
 * How to use (Blocks C, D, …): take the case's session with `sessionOf(ctx)` (EVSE, connector and token from the
 * config unless given), then run the states in Part 6's order, e.g.
 *   await withSession(ctx, async (session) => { await authorized(session, 'local'); await energyTransferStarted(session); });
 * Each state runs the states Part 6 says must come first when they have not (EnergyTransferStarted runs Authorized,
 * …), performs its driver actions (plugIn, presentIdToken, parkingBayOccupied, …), and checks its tool validations.
 * `withSession` ends the session afterwards so the next case finds the station idle. Messages come through the
 * session's `monitor` (monitor.ts), which also applies the general rules of §2.1.
 */
import { isNewReport, noteTaken } from './connector-reports';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { relyingOn } from '../../../src/engine/claims';
import { authorized, stopAuthorized } from './authorization';
import { defaultTokenInfo, type SessionCall } from './monitor';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { sessionOf, type ChargingSession, type SessionOptions } from './session';
import type { ConnectorRef } from '../../../src/drivers/station-actions';

/** The connector status a CALL reports for `connector` (StatusNotification, or NotifyEvent on Connector.AvailabilityState), if it reports one. */
export function reportedStatus(call: SessionCall, connector: ConnectorRef): string | undefined {
  if (call.action === 'StatusNotification') {
    const report = (call as IncomingCall<'StatusNotification'>).payload;
    return report.evseId === connector.evseId && report.connectorId === connector.connectorId ? report.connectorStatus : undefined;
  }
  if (call.action !== 'NotifyEvent') return undefined;
  return availabilityData(call as IncomingCall<'NotifyEvent'>, connector)?.actualValue;
}

/** When the station says the status it reports of `connector` took effect (its own clock): StatusNotification.timestamp or the event's timestamp. */
export function reportedAt(call: SessionCall, connector: ConnectorRef): number | undefined {
  const stamp = call.action === 'StatusNotification' ? (call as IncomingCall<'StatusNotification'>).payload.timestamp : call.action === 'NotifyEvent' ? availabilityData(call as IncomingCall<'NotifyEvent'>, connector)?.timestamp : undefined;
  const ms = stamp === undefined ? NaN : Date.parse(stamp);
  return Number.isFinite(ms) ? ms : undefined;
}

function availabilityData(call: IncomingCall<'NotifyEvent'>, connector: ConnectorRef) {
  return call.payload.eventData.find(
    (d) => d.component.name === 'Connector' && d.variable.name === 'AvailabilityState' && d.component.evse?.id === connector.evseId && (d.component.evse?.connectorId ?? 1) === connector.connectorId,
  );
}

/**
 * A step in which the station reports the session's connector with `status`, by StatusNotification or NotifyEvent,
 * checked as Part 6 lists it (status; for NotifyEvent trigger Delta and the component / variable). Reports that came
 * before the last driver action, or that repeat the status the connector had before it, are not the report of the change.
 */
export async function connectorReported(session: ChargingSession, status: 'Occupied' | 'Available', title: string, before: string = status === 'Occupied' ? 'Available' : 'Occupied'): Promise<void> {
  const { ctx, monitor, evse } = session;
  await ctx.step(title, async () => {
    // A repeat of a report a step already took (a late NotifyEvent copy of it) is not the report of this change.
    const isChange = (c: SessionCall) => c.receivedAt.getTime() >= session.lastActionAt && ![undefined, before].includes(reportedStatus(c, evse)) && isNewReport(ctx, evse, reportedStatus(c, evse), reportedAt(c, evse));
    const call = await monitor.next(`a StatusNotification or NotifyEvent for connector ${evse.connectorId} of EVSE ${evse.evseId} (${status})`, isChange);
    noteTaken(ctx, evse, { status: reportedStatus(call, evse) as string, at: reportedAt(call, evse) });
    checkStatusReport(ctx, call, evse, status);
  });
}

/**
 * Checks a report of `connector` (a CALL for which {@link reportedStatus} gives a status) as Part 6 lists it: the status,
 * and for NotifyEvent trigger Delta (component Connector, variable AvailabilityState and the EVSE / connector ids are
 * how the report was picked).
 */
export function checkStatusReport(ctx: CsCaseContext, call: SessionCall, connector: ConnectorRef, status: string): void {
  const { check } = ctx;
  if (call.action === 'StatusNotification') {
    check.equal('StatusNotificationRequest.connectorStatus', (call as IncomingCall<'StatusNotification'>).payload.connectorStatus, status);
    return;
  }
  const data = availabilityData(call as IncomingCall<'NotifyEvent'>, connector);
  check.equal('NotifyEventRequest eventData.trigger', data?.trigger, 'Delta');
  check.equal('NotifyEventRequest eventData.actualValue', data?.actualValue, status);
}

/** Drives the EV into the bay, or records that the station has no bay sensor (configured.parkingBaySensor). */
export async function bayAction(session: ChargingSession, occupied: boolean): Promise<boolean> {
  const { ctx, evse } = session;
  if (!ctx.config.configured.parkingBaySensor) {
    await ctx.step('Skipped: the station has no parking bay sensor (configured.parkingBaySensor is false)', () => undefined);
    return false;
  }
  await session.act(`Manual action: drive the EV ${occupied ? 'into' : 'out of'} the parking bay`, { kind: occupied ? 'parkingBayOccupied' : 'parkingBayVacated', evseId: evse.evseId });
  session.bayOccupied = occupied;
  return true;
}

/** ParkingBayOccupied: the EV enters the bay; with TxStartPoint ParkingBayOccupancy the station starts with triggerReason EVDetected. */
export async function parkingBayOccupied(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  await ctx.step('Reusable State ParkingBayOccupied', async () => {
    const { startPoints } = await session.settings();
    if (!(await bayAction(session, true))) return;
    if (!startPoints.has('ParkingBayOccupancy') || monitor.transactionOpen) return;
    await relyingOn(ctx.config, 'parkingBaySensor', () =>
      ctx.step('1-2. station reports the EV in the bay with TransactionEventRequest', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the EV entering the bay');
        ctx.check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'EVDetected');
      }),
    );
  });
}

/** Connects the EV at both ends (driver action plugIn) and notes that the next event must name the EVSE (§2.1). */
export async function connectEv(session: ChargingSession): Promise<void> {
  const { evse, monitor } = session;
  await session.act('Manual action: connect the EV and EVSE', { kind: 'plugIn', side: 'both', ...evse });
  session.evConnected = true;
  monitor.pendingEvse = evse;
}

/**
 * EVConnectedPreSession: the EV is connected; the station reports the connector Occupied and, when a transaction is
 * open or TxStartPoint makes one start now, sends a TransactionEventRequest naming the EVSE and connector.
 */
export async function evConnectedPreSession(session: ChargingSession): Promise<void> {
  const { ctx, monitor, evse } = session;
  const { check } = ctx;
  await ctx.step('Reusable State EVConnectedPreSession', async () => {
    if (!session.bayOccupied) await parkingBayOccupied(session);
    const { startPoints } = await session.settings();
    const wasOpen = monitor.transactionOpen;
    const expectEvent = wasOpen || startPoints.has('EVConnected') || (session.authorized && startPoints.has('PowerPathClosed'));
    await connectEv(session);
    await connectorReported(session, 'Occupied', '1-2. station reports the connector Occupied');
    if (!expectEvent) return;
    await ctx.step('3-4. station sends TransactionEventRequest for the connected EV', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest for the connected EV');
      check.equal('TransactionEventRequest.eventType', event.eventType, wasOpen ? 'Updated' : 'Started');
      check.oneOf('TransactionEventRequest.triggerReason', event.triggerReason, ['CablePluggedIn', 'ChargingStateChanged', 'RemoteStart']);
      check.oneOf('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, session.authorized ? ['EVConnected', 'SuspendedEVSE', 'Charging'] : ['EVConnected']);
      check.equal('TransactionEventRequest.evse.id', event.evse?.id, evse.evseId);
      check.equal('TransactionEventRequest.evse.connectorId', event.evse?.connectorId, evse.connectorId);
    });
  });
}

/**
 * EnergyTransferStarted: authorized first if needed, then (part 1) the EV is connected if it is not yet, and (part 2)
 * the station reports the events of TxStartPoint DataSigned / PowerPathClosed when those start the transaction, and
 * chargingState Charging.
 */
export async function energyTransferStarted(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  await ctx.step('Reusable State EnergyTransferStarted', async () => {
    if (!session.authorized) await authorized(session);
    const { startPoints } = await session.settings();
    if (!session.evConnected) {
      const wasOpen = monitor.transactionOpen;
      await connectEv(session);
      await connectorReported(session, 'Occupied', '1-2. station reports the connector Occupied');
      if (wasOpen || startPoints.has('EVConnected')) {
        await ctx.step('3-4. station sends TransactionEventRequest for the connected EV', async () => {
          const event = await monitor.nextEvent('a TransactionEventRequest for the connected EV');
          check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'CablePluggedIn');
          check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
        });
      }
    }
    if (!monitor.transactionOpen && startPoints.has('DataSigned')) {
      await ctx.step('5-6. station sends TransactionEventRequest for the signed meter data', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for signed meter data');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'SignedDataReceived');
      });
    }
    if (!monitor.transactionOpen && startPoints.has('PowerPathClosed')) {
      await ctx.step('7-8. station sends TransactionEventRequest for the closed power path', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the closed power path');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'SuspendedEVSE');
      });
    }
    await ctx.step('9-10. station sends TransactionEventRequest for the start of charging', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest for the start of charging');
      check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
      check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
    });
    session.energyStarted = true;
  });
}

/** Lets the energy flow for <Configured Transaction Duration>, keeping what the station sends meanwhile for later steps. */
export async function chargeForTransactionDuration(session: ChargingSession): Promise<void> {
  const seconds = session.ctx.config.configured.transactionDuration;
  await session.ctx.step(`Wait <Configured Transaction Duration> (${seconds} s) while the energy flows`, () => session.monitor.watch(seconds * 1000));
}

/** EnergyTransferSuspended: after the transaction duration the EV suspends; the station reports SuspendedEV (or ends the transaction with StoppedByEV). */
export async function energyTransferSuspended(session: ChargingSession): Promise<void> {
  const { ctx, monitor, evse } = session;
  await ctx.step('Reusable State EnergyTransferSuspended', async () => {
    if (!session.energyStarted) await energyTransferStarted(session);
    await chargeForTransactionDuration(session);
    await session.act('Manual action: the EV suspends the energy transfer', { kind: 'evSuspend', evseId: evse.evseId });
    session.energyStarted = false;
    session.evHeld = true;
    if (monitor.transactionOpen) await suspensionReported(session, '1-2. station sends TransactionEventRequest for the suspension');
  });
}

/** The step of EnergyTransferSuspended after its action (also run for a suspension that happened offline). */
export async function suspensionReported(session: ChargingSession, title: string): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  await ctx.step(title, async () => {
    const event = await monitor.nextEvent('a TransactionEventRequest for the suspended energy transfer');
    const state = event.transactionInfo.chargingState;
    check.oneOf('TransactionEventRequest.transactionInfo.chargingState', state, ['EVConnected', 'SuspendedEV']);
    if (state === 'SuspendedEV') check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
    check.oneOf('TransactionEventRequest.eventType', event.eventType, ['Ended', 'Updated']);
    if (event.eventType === 'Ended') check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'StoppedByEV');
  });
}

/**
 * EVConnectedPostSession: the energy transfer is over and needs a new authorization to resume; while the transaction
 * is still open the station reports chargingState EVConnected (unless StopAuthorized already saw it) and, with
 * TxStopPoint DataSigned, the signed meter data.
 */
export async function evConnectedPostSession(session: ChargingSession): Promise<void> {
  const { ctx } = session;
  await ctx.step('Reusable State EVConnectedPostSession', async () => {
    if (!session.stoppedVia) await stopAuthorized(session);
    await postSessionReported(session);
  });
}

/** The steps of EVConnectedPostSession after the stop (also run for a stop that happened offline): chargingState EVConnected and, with TxStopPoint DataSigned, the signed meter data, while the transaction is open. */
export async function postSessionReported(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  if (monitor.transactionOpen && !session.evConnectedReported) {
    await ctx.step('1-2. station reports chargingState EVConnected', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest with chargingState EVConnected');
      check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
      check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
      session.evConnectedReported = true;
    });
  }
  const { stopPoints } = await session.settings();
  if (monitor.transactionOpen && stopPoints.has('DataSigned')) {
    await ctx.step('3-4. station sends the signed meter data', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest with signed meter data');
      check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'SignedDataReceived');
    });
  }
}

/** What a case changes in EVDisconnected. */
export interface DisconnectionOptions {
  /**
   * The stoppedReason values an Ended event may carry after a local stop: by default Local or none (§2.1); a case whose
   * errata allow more (TC_E_14_CS, errata 2025-09 6.2.51) gives its own list.
   */
  readonly localStopReasons?: readonly (string | undefined)[];
}

/**
 * EVDisconnected: the EV is disconnected at both ends; the connector becomes Available and an open transaction hears
 * EVCommunicationLost. Returns that event (undefined when no transaction was open), for cases that check more of it.
 */
export async function evDisconnected(session: ChargingSession, options: DisconnectionOptions = {}): Promise<TransactionEventRequest | undefined> {
  const { ctx, monitor, evse } = session;
  return ctx.step('Reusable State EVDisconnected', async () => {
    if (!session.stoppedVia) await evConnectedPostSession(session);
    const wasOpen = monitor.transactionOpen;
    await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...evse });
    session.evConnected = false;
    return disconnectionReported(session, wasOpen, options);
  });
}

/** The steps of EVDisconnected after its action (also run for an EV disconnected offline): connector Available, and the event of an open transaction. */
export async function disconnectionReported(session: ChargingSession, wasOpen: boolean, options: DisconnectionOptions = {}): Promise<TransactionEventRequest | undefined> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  await connectorReported(session, 'Available', '1-2. station reports the connector Available');
  if (!wasOpen) return undefined;
  return ctx.step('3-4. station sends TransactionEventRequest for the lost EV', async () => {
    const event = await monitor.nextEvent('a TransactionEventRequest for the disconnected EV');
    check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'EVCommunicationLost');
    check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Idle');
    // §2.1: after a local stop, the Ended event says Local or nothing (unless the case's errata allow more).
    if (event.eventType === 'Ended' && session.stoppedVia === 'local') check.oneOf('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, options.localStopReasons ?? ['Local', undefined]);
    return event;
  });
}

/**
 * Not a Part 6 state but steps TC_E_05_CS and TC_E_39_CS share: after an authorization no EV connects. When a
 * transaction is open, the station must report the timeout with a TransactionEventRequest within <Configured
 * ev_connection_timeout> (plus the message timeout): triggerReason EVConnectTimeout, and what `checks` adds for the
 * case. Without a transaction there is nothing to report: the harness waits the timeout out (a wait Part 6 implies, as
 * the next steps must find the authorization expired). Returns the event, or undefined.
 */
export async function evConnectionTimedOut(session: ChargingSession, title: string, checks: (event: TransactionEventRequest) => void): Promise<TransactionEventRequest | undefined> {
  const { ctx, monitor } = session;
  const timeoutS = ctx.config.configured.evConnectionTimeout;
  if (!monitor.transactionOpen) {
    await ctx.step(`Wait <Configured ev_connection_timeout> (${timeoutS} s): no transaction started, so no event to expect`, () => monitor.watch(timeoutS * 1000));
    session.authorized = false;
    return undefined;
  }
  const event = await ctx.step(`${title} after <Configured ev_connection_timeout> (${timeoutS} s)`, async () => {
    const timedOut = await monitor.nextEvent('a TransactionEventRequest for the EV connection timeout', { timeoutMs: timeoutS * 1000 + ctx.config.timeouts.messageMs });
    ctx.check.equal('TransactionEventRequest.triggerReason', timedOut.triggerReason, 'EVConnectTimeout');
    checks(timedOut);
    return timedOut;
  });
  session.authorized = false;
  return event;
}

/**
 * ParkingBayUnoccupied: the EV leaves the bay; with TxStopPoint ParkingBayOccupancy that ends the transaction
 * (EVDeparted). `required`: the case insists on that event even if the harness saw the transaction end already.
 */
export async function parkingBayUnoccupied(session: ChargingSession, options: { required?: boolean } = {}): Promise<void> {
  const { ctx, monitor } = session;
  await ctx.step('Reusable State ParkingBayUnoccupied', async () => {
    if (session.evConnected) await evDisconnected(session);
    const wasOpen = monitor.transactionOpen || options.required === true;
    if ((await bayAction(session, false)) && wasOpen) await departureReported(session);
  });
}

/** The step of ParkingBayUnoccupied after its action (also run for an EV that left offline): EVDeparted ends the transaction. */
export async function departureReported(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  await relyingOn(ctx.config, 'parkingBaySensor', () =>
    ctx.step('1-2. station ends the transaction for the departed EV', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest for the EV leaving the bay');
      check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'EVDeparted');
      check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, session.stoppedVia === 'remote' ? 'Remote' : 'Local');
      check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
    }),
  );
}

/** What a case expects of the event for an EV lost at its side, besides triggerReason EVCommunicationLost and chargingState Idle. */
export interface EvLostExpectation {
  readonly eventType?: 'Ended' | 'Updated';
  /** The stoppedReason values allowed (undefined in the list allows leaving it out). */
  readonly stoppedReasons?: readonly (string | undefined)[];
}

/**
 * Not a Part 6 state but steps several cases share: the cable is pulled out of the EV only (the EVSE loses the EV, the
 * cable stays in a socket), and the station reports it with a TransactionEventRequest: triggerReason EVCommunicationLost,
 * chargingState Idle, and what `expected` adds. Returns the event.
 */
export async function evSideDisconnected(session: ChargingSession, title: string, expected: EvLostExpectation = {}): Promise<TransactionEventRequest> {
  const { ctx, monitor, evse } = session;
  const { check } = ctx;
  await session.act('Manual action: disconnect the EV and EVSE at the EV side (the EVSE loses the EV)', { kind: 'unplug', side: 'ev', ...evse });
  Object.assign(session, { evConnected: false, cableInStation: true, energyStarted: false, evHeld: false });
  const event = await ctx.step(title, async () => {
    const lost = await monitor.nextEvent('a TransactionEventRequest for the EV lost at the EV side');
    check.equal('TransactionEventRequest.triggerReason', lost.triggerReason, 'EVCommunicationLost');
    check.equal('TransactionEventRequest.transactionInfo.chargingState', lost.transactionInfo.chargingState, 'Idle');
    if (expected.stoppedReasons) check.oneOf('TransactionEventRequest.transactionInfo.stoppedReason', lost.transactionInfo.stoppedReason, expected.stoppedReasons);
    if (expected.eventType) check.equal('TransactionEventRequest.eventType', lost.eventType, expected.eventType);
    return lost;
  });
  if (event.eventType === 'Ended') session.authorized = false;
  return event;
}

/**
 * Not a Part 6 state: the cable left in the socket after an EV-side disconnect is taken out at the station side,
 * after presenting the session's token when `withToken` (UnlockOnEVSideDisconnect false keeps it locked until then).
 */
export async function cableReleased(session: ChargingSession, withToken: boolean): Promise<void> {
  const { evse, idToken } = session;
  if (withToken) await session.act(`Manual action: present the idToken '${idToken.idToken}' that started the transaction, to release the cable`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
  await session.act('Manual action: unplug the cable at the station side', { kind: 'unplug', side: 'station', ...evse });
  session.cableInStation = false;
}

/**
 * Not a Part 6 state: after the case, ends what the session left behind (remote stop of an open transaction or the
 * token again, unplug, leave the bay) and waits for the transaction to end, so the next case finds the station idle
 * (a general precondition of §2.1). Problems here do not change the verdict.
 */
export async function returnToIdle(session: ChargingSession): Promise<void> {
  const { ctx, monitor, evse } = session;
  const { csms, config } = ctx;
  /** Each clean-up action on its own: one that fails does not keep the others from running. */
  const attempt = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
    } catch {
      // Best effort: what the case found stands.
    }
  };
  const endedOf = (id: string) => (c: SessionCall) => c.action === 'TransactionEvent' && (c.payload as TransactionEventRequest).eventType === 'Ended' && (c.payload as TransactionEventRequest).transactionInfo.transactionId === id;
  monitor.lenient = true;
  monitor.answerTransactionEvent = undefined;
  monitor.tokenInfo = (token) => defaultTokenInfo(ctx, token);
  Object.assign(monitor, { pendingRemoteStart: false, pendingIdToken: undefined, pendingEvse: undefined });
  await attempt(() =>
    ctx.step('Afterwards: bring the station back to idle (clean-up, not part of the Part 6 case)', async () => {
      if (!csms.connection) await attempt(() => csms.nextConnection());
      const open = monitor.transactionOpen ? session.transactionId : undefined;
      if (open) await attempt(() => csms.call('RequestStopTransaction', { transactionId: open }));
      // An authorization without a transaction yet (TxStartPoint not reached) ends with the token; an ended transaction took its authorization with it.
      else if (session.authorized && monitor.current === undefined) await attempt(() => ctx.perform({ kind: 'presentIdToken', idToken: session.idToken, evseId: evse.evseId }));
      if (session.evConnected || session.cableInStation) await attempt(() => ctx.perform({ kind: 'unplug', side: 'both', ...evse }));
      if (session.bayOccupied && config.configured.parkingBaySensor) await attempt(() => ctx.perform({ kind: 'parkingBayVacated', evseId: evse.evseId }));
      if (session.evHeld) await attempt(() => ctx.perform({ kind: 'evResume', evseId: evse.evseId }));
      Object.assign(session, { authorized: false, evConnected: false, cableInStation: false, bayOccupied: false, evHeld: false, energyStarted: false });
      for (const extra of session.afterwards.splice(0)) await attempt(extra);
      if (open) await attempt(() => monitor.next('the Ended event of the transaction', endedOf(open), { acrossReconnect: true }));
      await attempt(() => leftoverStopped(session, endedOf));
      await attempt(() => queueDrained(session));
    }),
  );
}

/** Clean-up: a transaction the harness did not see (a failed case may have missed its events) is found with TriggerMessage(TransactionEvent) and stopped. */
async function leftoverStopped(session: ChargingSession, endedOf: (id: string) => (c: SessionCall) => boolean): Promise<void> {
  const { ctx, monitor, evse } = session;
  const trigger = await ctx.csms.call('TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: evse.evseId } });
  if (trigger.status !== 'Accepted') return;
  const triggered = await monitor.next('the triggered TransactionEventRequest', (c) => c.action === 'TransactionEvent' && (c.payload as TransactionEventRequest).triggerReason === 'Trigger');
  const id = (triggered.payload as TransactionEventRequest).transactionInfo.transactionId;
  await ctx.csms.call('RequestStopTransaction', { transactionId: id });
  await monitor.next('the Ended event of the leftover transaction', endedOf(id));
}

/** How many queued messages the clean-up takes at most while it waits for the station's queue to empty. */
const MAX_DRAINED = 50;

/** Clean-up: takes the station's queued TransactionEventRequests until GetTransactionStatus says none are left. */
async function queueDrained(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  for (let taken = 0; taken < MAX_DRAINED; taken++) {
    const status = await ctx.csms.call('GetTransactionStatus', {});
    if (!status.messagesInQueue) return;
    await monitor.next('a queued TransactionEventRequest', (c) => c.action === 'TransactionEvent');
  }
}

/** Runs `body` with the case's charging session and returns the station to idle afterwards, whatever the body's outcome. */
export async function withSession<T>(ctx: CsCaseContext, body: (session: ChargingSession) => Promise<T>, options?: SessionOptions): Promise<T> {
  const session = sessionOf(ctx, options);
  try {
    return await body(session);
  } finally {
    await returnToIdle(session);
  }
}
