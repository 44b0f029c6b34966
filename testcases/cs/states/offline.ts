/**
 * Offline sequences of the CS cases (E11, E12, E14, E08, C15): the harness closes the WebSocket and refuses the station's
 * reconnects until told (then, unless the case sends a request at once, waits until the station is back: booted again, or taken as booted; no message is owed), the state StartOfflineTransaction and the memory state TransactionEventsInQueueEnded, and the
 * checks on the events a station sends when it is back.
 */
import type { OcppConnection } from '../../../src/ocpp/connection';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { inconclusive, sutFailed, VerdictError } from '../../../src/engine/verdict';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { SessionCall } from './monitor';
import type { ChargingSession } from './session';
import { checkStatusReport, reportedStatus } from './transaction';
import type { ConnectorRef } from '../../../src/drivers/station-actions';

/** How the harness takes the station back after an offline period. */
export interface ReconnectOptions {
  /**
   * Whether the harness waits for the station's first CALL on the new connection (and answers it) before going on
   * (default true). False for a case whose next step is the harness's own request, sent the moment the connection is
   * back (E14 GetTransactionStatusRequest); the station's CALLs then wait for the steps that expect them.
   */
  readonly waitForFirstMessage?: boolean;
}

/** The harness's side of an offline period: ends it by accepting the next reconnection. */
export interface OfflinePeriod {
  /** Stops refusing; resolves once the station has connected again (bounded by timeouts.connectMs). */
  reconnect(title: string, options?: ReconnectOptions): Promise<void>;
}

/**
 * A step: the harness closes the connection and refuses every reconnection attempt (HTTP 503) until the period's
 * `reconnect`. The refusals are queued one at a time; `reconnect` takes back the one still queued, so the first attempt
 * after it is accepted.
 */
export async function connectionClosed(ctx: CsCaseContext, title: string): Promise<OfflinePeriod> {
  const { csms } = ctx;
  let offline = true;
  const refusal = { status: 503, reason: 'the harness refuses reconnects while the case keeps the station offline' };
  const refuseAgain = () => {
    if (offline) csms.server.refuseNext(refusal);
  };
  const endOffline = () => {
    offline = false;
    csms.server.off('refused', refuseAgain);
    csms.server.withdrawRefusal(refusal);
  };
  // However the case ends (even in the middle of the offline period), later reconnects are taken again.
  ctx.defer('stop refusing reconnects', endOffline);
  await ctx.step(title, async () => {
    csms.server.on('refused', refuseAgain);
    csms.server.refuseNext(refusal);
    await csms.connection?.close(1001, 'the harness goes offline (Part 6 offline case)');
  });
  return {
    reconnect: (reconnectTitle, options = {}) =>
      ctx.step(reconnectTitle, async () => {
        endOffline();
        if (!csms.connection) await csms.nextConnection();
        if (options.waitForFirstMessage !== false) await firstMessage(ctx);
      }),
  };
}

/**
 * The station is back: connected, and either booted again (its BootNotification accepted) or, having sent another
 * message first or nothing within the boot grace time, taken as already booted. A station owes no message on a
 * reconnect, so none is waited for; what it sends is answered and kept for the steps that look for it.
 */
export async function firstMessage(ctx: CsCaseContext): Promise<void> {
  const { csms } = ctx;
  if (!csms.connection) await csms.nextConnection();
  await csms.ensureAccepted();
}

/** A prescribed wait while offline: <Configured RetryBackOffWaitMinimum_duration> (plus `extraS`), said in the step title. */
export async function waitRetryBackOff(session: ChargingSession, extraS = 0, why = ''): Promise<void> {
  const seconds = session.ctx.config.configured.retryBackOffWaitMinimum + extraS;
  await session.ctx.step(`Wait <Configured RetryBackOffWaitMinimum_duration>${extraS ? ' + <Configured Transaction Duration>' : ''} (${seconds} s)${why}`, () => session.monitor.watch(seconds * 1000, undefined, { acrossReconnect: true }));
}

/**
 * Collects the events the station sends from its queue once it is back: the first TransactionEventRequest (any kind),
 * then every following one marked offline, until `done` says the queue has what the case needs or a non-offline event
 * (a new one) arrives. Waits are bounded by the message timeout.
 */
export async function queuedEvents(session: ChargingSession, title: string, done: (events: readonly TransactionEventRequest[]) => boolean = () => false): Promise<TransactionEventRequest[]> {
  const { ctx, monitor } = session;
  return ctx.step(title, async () => {
    const events: TransactionEventRequest[] = [];
    const isEvent = (c: { action: string }) => c.action === 'TransactionEvent';
    events.push((await monitor.next('a TransactionEventRequest from the queue', isEvent, { acrossReconnect: true })).payload as TransactionEventRequest);
    while (events[events.length - 1].offline === true && !done(events)) {
      let next: TransactionEventRequest;
      try {
        next = (await monitor.next('the next queued TransactionEventRequest', isEvent, { acrossReconnect: true })).payload as TransactionEventRequest;
      } catch (error) {
        // Silence after the first event: the queue is empty; what is missing the case's checks will say.
        if (error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT') break;
        throw error;
      }
      if (next.offline !== true) break;
      events.push(next);
    }
    return events;
  });
}

/** Checks that every queued event says offline true (E11.FR.02, E12.FR.02, E08.FR.07). */
export function allOffline(session: ChargingSession, events: readonly TransactionEventRequest[]): void {
  for (const [index, event] of events.entries()) session.ctx.check.equal(`queued TransactionEventRequest[${index}] (seqNo ${event.seqNo}).offline`, event.offline, true);
}

/** Checks that one of the queued events has `eventType`. */
export function oneHas(session: ChargingSession, events: readonly TransactionEventRequest[], eventType: TransactionEventRequest['eventType']): void {
  session.ctx.check.that(`one of the queued TransactionEventRequests has eventType ${eventType}`, events.some((e) => e.eventType === eventType), `an event with eventType ${eventType}`, events.map((e) => `${e.eventType}/${e.triggerReason}`).join(', '));
}

/**
 * For the cases whose Before sets OfflineTxForUnknownIdEnabled true "(If implemented)" next to the optional memory
 * states IdTokenCached / IdTokenLocalAuthList, which the harness does not run (TC_E_16_CS, TC_E_43_CS): reads the
 * variable after the Before configuration. When the station does not have it on, only those memory states would let
 * it authorize the token offline, so the case ends inconclusive instead of failing for a token it rightly does not know.
 */
export async function unknownIdsAllowedOffline(ctx: CsCaseContext): Promise<void> {
  const variable = { component: { name: 'AuthCtrlr' }, variable: { name: 'OfflineTxForUnknownIdEnabled' } };
  const read = await ctx.step('Before: harness reads AuthCtrlr.OfflineTxForUnknownIdEnabled (it stands in for the optional memory states the harness does not run)', () =>
    ctx.csms.call('GetVariables', { getVariableData: [variable] }),
  );
  const [result] = read.getVariableResult;
  if (result?.attributeStatus === 'Accepted' && result.attributeValue === 'true') return;
  const found = result?.attributeStatus === 'Accepted' ? `is ${result.attributeValue ?? 'empty'}` : `answers ${result?.attributeStatus ?? 'nothing'}`;
  throw inconclusive(
    'OCPPCT_PRECONDITION',
    `AuthCtrlr.OfflineTxForUnknownIdEnabled ${found}; the station could then authorize offline only from IdTokenCached / IdTokenLocalAuthList, memory states the harness does not run here`,
  );
}

/**
 * Reusable State StartOfflineTransaction: the harness goes offline, the EV enters the bay, the token is presented and
 * the EV connected while the station cannot reach the CSMS; then the harness accepts the reconnection.
 */
export async function startOfflineTransaction(session: ChargingSession): Promise<void> {
  const { ctx, evse, idToken } = session;
  await ctx.step('Reusable State StartOfflineTransaction', async () => {
    const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
    if (ctx.config.configured.parkingBaySensor) await session.act('Manual action: drive the EV into the parking bay', { kind: 'parkingBayOccupied', evseId: evse.evseId });
    await session.act(`Manual action: present the idToken '${idToken.idToken}'`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    await session.act('Manual action: connect the EV and EVSE', { kind: 'plugIn', side: 'both', ...evse });
    Object.assign(session, { bayOccupied: ctx.config.configured.parkingBaySensor, authorized: true, evConnected: true, energyStarted: true, authorizedVia: 'local' });
    await offline.reconnect('2. harness accepts the reconnection');
  });
}

/**
 * Memory State TransactionEventsInQueueEnded: while the harness is offline a whole session takes place (bay, EV,
 * token, the same token again, EV out, bay out), so the station holds the events of an ended transaction when it is
 * back.
 */
export async function transactionEventsInQueueEnded(session: ChargingSession): Promise<void> {
  const { ctx, evse, idToken } = session;
  const bay = ctx.config.configured.parkingBaySensor;
  await ctx.step('Memory State TransactionEventsInQueueEnded', async () => {
    const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
    if (bay) await session.act('Manual action: drive the EV into the parking bay', { kind: 'parkingBayOccupied', evseId: evse.evseId });
    await session.act('Manual action: connect the EV and EVSE', { kind: 'plugIn', side: 'both', ...evse });
    await session.act(`Manual action: present the idToken '${idToken.idToken}'`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    await session.act(`Manual action: present the idToken '${idToken.idToken}' again`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...evse });
    if (bay) await session.act('Manual action: drive the EV out of the parking bay', { kind: 'parkingBayVacated', evseId: evse.evseId });
    await offline.reconnect('2. harness accepts the reconnection');
  });
}

/**
 * The offline period of the E14 and E11 cases while energy flows: the harness closes the connection, refuses reconnects
 * for <Configured RetryBackOffWaitMinimum_duration>, then accepts the station back (`options` as in {@link OfflinePeriod.reconnect}).
 */
export async function offlineWhileCharging(session: ChargingSession, options?: ReconnectOptions): Promise<void> {
  const offline = await connectionClosed(session.ctx, '1. harness closes the WebSocket and refuses reconnects');
  await waitRetryBackOff(session, 0, ' before accepting a reconnection');
  await offline.reconnect('2. harness accepts the reconnection', options);
}

/** Checks the queued events of a transaction that kept charging offline: each Updated, with meter values, marked offline (E11, E14). */
export function checkQueuedMeterUpdates(session: ChargingSession, events: readonly TransactionEventRequest[]): void {
  const { check } = session.ctx;
  for (const [index, event] of events.entries()) {
    const label = `queued TransactionEventRequest[${index}] (seqNo ${event.seqNo})`;
    check.equal(`${label}.eventType`, event.eventType, 'Updated');
    check.that(`${label}.meterValue`, (event.meterValue?.length ?? 0) > 0, 'present', JSON.stringify(event.meterValue));
    check.equal(`${label}.offline`, event.offline, true);
  }
}

/** A step: GetTransactionStatusRequest (for `transactionId`, or without) sent as soon as the station is back, with the answer's checks. */
export async function transactionStatus(session: ChargingSession, title: string, transactionId: string | undefined, expected: { ongoingIndicator?: boolean; messagesInQueue: boolean }): Promise<void> {
  const { ctx } = session;
  await ctx.step(title, async () => {
    const status = await ctx.csms.call('GetTransactionStatus', transactionId === undefined ? {} : { transactionId });
    ctx.check.equal('GetTransactionStatusResponse.ongoingIndicator', status.ongoingIndicator, expected.ongoingIndicator);
    ctx.check.equal('GetTransactionStatusResponse.messagesInQueue', status.messagesInQueue, expected.messagesInQueue);
  });
}

/** The manual actions of E08 while offline: stop with `token`, unplug, and leave the bay when TxStopPoint needs it. */
export async function stopWhileOffline(session: ChargingSession, token: ConfiguredIdToken): Promise<void> {
  const { ctx, evse } = session;
  const { stopPoints } = await session.settings();
  await session.act(`Manual action: present the idToken '${token.idToken}'`, { kind: 'presentIdToken', idToken: token, evseId: evse.evseId });
  await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...evse });
  session.evConnected = false;
  if (stopPoints.has('ParkingBayOccupancy') && ctx.config.configured.parkingBaySensor) {
    await session.act('Manual action: drive the EV out of the parking bay', { kind: 'parkingBayVacated', evseId: evse.evseId });
    session.bayOccupied = false;
  }
}

/**
 * The main scenario of the E08 cases: the harness goes offline, `token` stops the transaction, the EV is unplugged
 * (and leaves the bay if TxStopPoint needs it), the harness takes the station back, and the queue (read until its Ended
 * event) must be all offline with an Ended event.
 */
export async function stoppedOffline(session: ChargingSession, token: ConfiguredIdToken): Promise<void> {
  const { ctx } = session;
  const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
  await stopWhileOffline(session, token);
  await offline.reconnect('2. harness accepts the reconnection');
  const queued = await queuedEvents(session, '3-4. station sends its queued TransactionEventRequests', (events) => events.some((e) => e.eventType === 'Ended'));
  await ctx.step('3. checks of the queued events', () => {
    allOffline(session, queued);
    oneHas(session, queued, 'Ended');
  });
  session.authorized = false;
}

/** One connection attempt of the station as the harness saw it: when (ms since epoch) and whether it was refused. */
export interface ConnectionAttempt {
  readonly at: number;
  readonly refused: boolean;
}

/** The station's connection attempts from the moment it was made, for the cases that time reconnections. */
export interface AttemptLog {
  readonly attempts: readonly ConnectionAttempt[];
  /** The first attempt after the `seen` ones already looked at; fails the case when none comes within `timeoutMs`. */
  after(seen: number, timeoutMs: number, what: string): Promise<ConnectionAttempt>;
  /** Stops recording. */
  stop(): void;
}

/** Starts recording the station's connection attempts (accepted or refused) at the harness's endpoint. */
export function attemptLog(ctx: CsCaseContext): AttemptLog {
  const { server } = ctx.csms;
  const attempts: ConnectionAttempt[] = [];
  const waiters = new Set<() => void>();
  const onAttempt = (stationId: string | undefined, _facts: unknown, refusal: unknown) => {
    if (stationId !== ctx.config.station.id) return;
    attempts.push({ at: Date.now(), refused: refusal !== undefined });
    for (const waiter of [...waiters]) waiter();
  };
  server.on('attempt', onAttempt);
  return {
    attempts,
    after: (seen, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        const done = () => {
          if (attempts.length <= seen) return;
          clearTimeout(timer);
          waiters.delete(done);
          resolve(attempts[seen]);
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(sutFailed('OCPPCT_NOT_CONNECTED', `the station did not make ${what} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(done);
        done();
      }),
    stop: () => void server.off('attempt', onAttempt),
  };
}

/**
 * A step of B04 (TC_B_51_CS, TC_B_52_CS): back from offline, the station reports each of `connectors` (StatusNotification
 * or NotifyEvent) in a message received after `since` (ms since epoch), each checked against `expected`.
 */
export async function statusesAfterOffline(session: ChargingSession, title: string, since: number, connectors: readonly ConnectorRef[], expected: (connector: ConnectorRef) => string, offlineFrom?: OcppConnection): Promise<void> {
  const { ctx, monitor } = session;
  await ctx.step(title, async () => {
    for (const connector of connectors) {
      const status = expected(connector);
      // Only reports on the connection after the offline period count (a report of the connection that was closed, even in the same millisecond, is not one).
      const afterOffline = (c: SessionCall) => c.receivedAt.getTime() >= since && (offlineFrom === undefined || c.connection !== offlineFrom);
      const call = await monitor.next(`a StatusNotification or NotifyEvent for connector ${connector.connectorId} of EVSE ${connector.evseId} (${status})`, (c) => afterOffline(c) && reportedStatus(c, connector) !== undefined, { acrossReconnect: true });
      await ctx.step(`connector ${connector.connectorId} of EVSE ${connector.evseId} reports ${status}`, () => checkStatusReport(ctx, call, connector, status));
    }
  });
}
