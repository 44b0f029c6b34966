/** The reset sequences the B11 / B12 cases share (TC_B_20_CS to TC_B_41_CS): ResetRequest, the transaction a reset ends or waits for, and the boot that follows. */
import type { ConnectorRef } from '../../../src/drivers/station-actions';
import type { RunConfig } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ResetRequest, ResetResponse, TransactionEventRequest } from '../../../src/ocpp/generated';
import { stopAuthorized } from './authorization';
import { allConnectorsReported, connectorsAndSecurityEvent, type ExpectedStatus } from './booted';
import type { SessionCall } from './monitor';
import type { ChargingSession } from './session';
import { evConnectedPostSession, evDisconnected, parkingBayUnoccupied, reportedStatus } from './transaction';

/** `applicable` of the Reset EVSE cases TC_B_25_CS to TC_B_27_CS: the station must be able to reset a single EVSE (Part 5 C-13). */
export const resetPerEvseRequired = (config: RunConfig): string | undefined =>
  config.configured.resetPerEvse ? undefined : 'the station cannot reset a single EVSE (configured.resetPerEvse is false; Part 5 C-13)';

/** `applicable` of TC_B_28_CS and TC_B_29_CS: the station must not be able to reset a single EVSE (Part 5 NOT C-13). */
export const resetPerEvseUnsupported = (config: RunConfig): string | undefined =>
  config.configured.resetPerEvse ? 'the station can reset a single EVSE (configured.resetPerEvse is true; the case is for stations without Part 5 C-13)' : undefined;

/** Steps 1-2 of every reset case: the harness sends ResetRequest and the station answers with `status`. */
export async function resetAnswered(ctx: CsCaseContext, request: ResetRequest, status: ResetResponse['status']): Promise<void> {
  const target = request.evseId === undefined ? '' : ` and evseId ${request.evseId}`;
  await ctx.step(`1-2. harness sends ResetRequest with type ${request.type}${target}, station answers`, async () => {
    const reset = await ctx.csms.call('Reset', request);
    ctx.check.equal('ResetResponse.status', reset.status, status);
  });
}

/**
 * The step after an Immediate reset of a station or EVSE with a transaction: the station ends it (eventType Ended,
 * triggerReason ResetCommand, chargingState EVConnected, stoppedReason ImmediateReset; no idToken when
 * `idTokenOmitted`). The session no longer holds an authorization afterwards.
 */
export async function endedByImmediateReset(session: ChargingSession, title: string, options: { readonly idTokenOmitted?: boolean } = {}): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  await ctx.step(title, async () => {
    const isReset = (e: TransactionEventRequest) => e.eventType === 'Ended' || e.triggerReason === 'ResetCommand';
    const event = await monitor.nextEvent('a TransactionEventRequest ending the transaction for the reset', {}, isReset);
    check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
    check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ResetCommand');
    check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
    check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'ImmediateReset');
    if (options.idTokenOmitted) check.that('TransactionEventRequest.idToken', event.idToken === undefined, 'omitted', JSON.stringify(event.idToken));
  });
  Object.assign(session, { authorized: false, energyStarted: false });
}

/** The states that end a session after an OnIdle reset, in Part 6's order. */
const ENDING_STATES: readonly (readonly [string, (session: ChargingSession) => Promise<unknown>])[] = [
  ['StopAuthorized', (session) => stopAuthorized(session)],
  ['EVConnectedPostSession', evConnectedPostSession],
  ['EVDisconnected', evDisconnected],
  ['ParkingBayUnoccupied', parkingBayUnoccupied],
];

/**
 * The states that end a session, in Part 6's order: StopAuthorized, EVConnectedPostSession, EVDisconnected and
 * ParkingBayUnoccupied, numbered from `first` (after an OnIdle reset answered Scheduled, and in the O cases). With `untilEnded` the states stop once
 * `transactionId` has ended (TxStopPoint decides at which one; the station resets then). ParkingBayUnoccupied is
 * skipped when the EV never entered the bay (on a station charging on two EVSEs, each session's monitor sees only its own
 * EVSE's transactions, so the state does not wait for another EVSE's end).
 */
export async function sessionEndedInTurn(session: ChargingSession, transactionId: string, first: number, options: { readonly untilEnded?: boolean } = {}): Promise<void> {
  const { ctx, monitor, evse } = session;
  for (const [index, [name, state]] of ENDING_STATES.entries()) {
    const title = `${first + index}. ${name} on EVSE ${evse.evseId}`;
    if (options.untilEnded && monitor.transaction(transactionId)?.ended) {
      await ctx.step(`${title}: not executed, the transaction has ended`, () => undefined);
      continue;
    }
    if (name === 'ParkingBayUnoccupied' && !session.bayOccupied) {
      await ctx.step(`${title}: not executed, the EV never entered the parking bay`, () => undefined);
      continue;
    }
    await ctx.step(title, () => state(session));
  }
}

/**
 * The status each connector must report after the reboot: Occupied where a session's EV is still connected,
 * `unavailable` where the case set a connector Inoperative, Available elsewhere.
 */
export function statusAfterReset(sessions: readonly ChargingSession[], unavailable?: ConnectorRef): ExpectedStatus {
  const same = (a: ConnectorRef, evseId: number, connectorId: number) => a.evseId === evseId && a.connectorId === connectorId;
  return (evseId, connectorId) => {
    if (unavailable && same(unavailable, evseId, connectorId)) return 'Unavailable';
    return sessions.some((s) => s.evConnected && same(s.evse, evseId, connectorId)) ? 'Occupied' : 'Available';
  };
}

/** What a case checks of the boot after its reset. */
export interface RebootExpectation {
  /** Number of the BootNotification step in the case. */
  readonly first: number;
  /** BootNotificationRequest.reason, when the case validates it. */
  readonly reason?: 'RemoteReset' | 'ScheduledReset';
  /** Status of each connector (default: all Available). */
  readonly expected?: ExpectedStatus;
  /** The case also validates the SecurityEventNotification of the startup (TC_B_21_CS). */
  readonly securityEvent?: boolean;
}

/**
 * The station reboots after its reset: it sends BootNotificationRequest (reason checked when the case says), the
 * harness accepts it, and every connector is reported with the expected status (the post-scenario validation that
 * each connector was reported is this loop: it ends only when all were).
 */
export async function rebootedAfterReset(ctx: CsCaseContext, expectation: RebootExpectation): Promise<void> {
  const { csms, check, config, step } = ctx;
  const n = expectation.first;
  await step(`${n}-${n + 1}. station reboots and sends BootNotificationRequest, harness accepts it`, async () => {
    const boot = await csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: config.timeouts.connectMs });
    csms.answerBoot(boot, 'Accepted');
    if (expectation.reason) check.equal('BootNotificationRequest.reason', boot.payload.reason, expectation.reason);
  });
  if (expectation.securityEvent) {
    await connectorsAndSecurityEvent(ctx, expectation.expected, `${n + 2}-${n + 5}. station reports every connector and sends SecurityEventNotificationRequest`);
  } else {
    await allConnectorsReported(ctx, `${n + 2}-${n + 3}. station reports the state of every connector`, expectation.expected);
  }
}

/**
 * Memory state "Unavailable for <Configured connectorId>": ChangeAvailability Inoperative for the connector, and the
 * station's report of it as Unavailable. Runs `body`, then sets the connector Operative again (clean-up).
 */
export async function withConnectorUnavailable(ctx: CsCaseContext, connector: ConnectorRef, body: () => Promise<void>): Promise<void> {
  const { csms, step } = ctx;
  const evse = { id: connector.evseId, connectorId: connector.connectorId };
  await step(`Before: memory state Unavailable for connector ${connector.connectorId} of EVSE ${connector.evseId}`, async () => {
    const changed = await csms.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse });
    if (changed.status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered ChangeAvailability(Inoperative) with ${changed.status}, so the memory state cannot be set`);
    const report = await csms.expect(['StatusNotification', 'NotifyEvent'], {
      where: (call) => reportedStatus(call as unknown as SessionCall, connector) === 'Unavailable',
      description: `a report of connector ${connector.connectorId} of EVSE ${connector.evseId} as Unavailable`,
    });
    (report as IncomingCall<'StatusNotification'>).respond({});
  });
  try {
    await body();
  } finally {
    await step('Afterwards: set the connector Operative again (clean-up, not part of the Part 6 case)', async () => {
      try {
        if (!csms.connection) await csms.nextConnection();
        await csms.call('ChangeAvailability', { operationalStatus: 'Operative', evse });
      } catch {
        // Best effort: what the case found stands.
      }
    });
  }
}
