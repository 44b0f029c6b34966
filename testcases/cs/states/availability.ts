/**
 * The availability steps of the G cases (G03, G04) for CS cases: Reusable State Unavailable (Part 6 §2.18) for the whole
 * station, an EVSE or a connector, the ChangeAvailabilityRequest and the connector reports that follow it, and the
 * clean-up that makes everything Operative again.
 */
import type { ConnectorRef } from '../../../src/drivers/station-actions';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ChangeAvailabilityResponse } from '../../../src/ocpp/generated';
import { stopAuthorized } from './authorization';
import { isNewReport, noteTaken } from './connector-reports';
import { monitorOf, type SessionCall } from './monitor';
import { rebootedAfterReset, resetAnswered } from './reset';
import type { ChargingSession } from './session';
import { bayAction, checkStatusReport, departureReported, evConnectedPostSession, reportedAt, reportedStatus } from './transaction';

/** What a ChangeAvailabilityRequest names: the whole station (nothing), an EVSE, or one connector of an EVSE. */
export interface AvailabilityTarget {
  readonly evseId?: number;
  readonly connectorId?: number;
}

/** The configured EVSE (<Configured evseId>). */
export const configuredEvse = (ctx: CsCaseContext): AvailabilityTarget => ({ evseId: ctx.config.configured.evseId });

/** The configured connector (<Configured evseId>, <Configured connectorId>). */
export const configuredConnector = (ctx: CsCaseContext): AvailabilityTarget => ({ evseId: ctx.config.configured.evseId, connectorId: ctx.config.configured.connectorId });

/** The connectors of the configured layout that `target` covers. */
export function connectorsOf(ctx: CsCaseContext, target: AvailabilityTarget): ConnectorRef[] {
  return ctx.config.station.evses
    .filter((e) => target.evseId === undefined || e.id === target.evseId)
    .flatMap((e) => e.connectors.filter((c) => target.connectorId === undefined || c === target.connectorId).map((connectorId) => ({ evseId: e.id, connectorId })));
}

/** How a target reads in a step title. */
export function describeTarget(target: AvailabilityTarget): string {
  if (target.evseId === undefined) return 'the whole station';
  return target.connectorId === undefined ? `EVSE ${target.evseId}` : `connector ${target.connectorId} of EVSE ${target.evseId}`;
}

/** The ChangeAvailabilityRequest evse field of a target. */
const evseField = (target: AvailabilityTarget) => (target.evseId === undefined ? {} : { evse: { id: target.evseId, ...(target.connectorId === undefined ? {} : { connectorId: target.connectorId }) } });

/** A step: the harness sends ChangeAvailabilityRequest for `target`; the station must answer `status`. */
export async function availabilityRequested(
  ctx: CsCaseContext,
  title: string,
  target: AvailabilityTarget,
  operationalStatus: 'Operative' | 'Inoperative',
  status: ChangeAvailabilityResponse['status'],
): Promise<void> {
  await ctx.step(title, async () => {
    const answer = await ctx.csms.call('ChangeAvailability', { operationalStatus, ...evseField(target) });
    ctx.check.equal('ChangeAvailabilityResponse.status', answer.status, status);
  });
}

/**
 * A step: each of `connectors` reports `status` (StatusNotification or NotifyEvent on Connector.AvailabilityState), checked
 * as Part 6 lists it (status, evseId / connectorId not 0, for NotifyEvent trigger Delta); reports received before `since`
 * (ms since epoch), of other connectors or with another status (a report still on its way from before the change, e.g.
 * the boot's) are not these: a station that never reports `status` fails on the timeout. Ends only when every connector
 * has reported: that is the post scenario validation of the G cases.
 */
export async function connectorsReported(ctx: CsCaseContext, title: string, connectors: readonly ConnectorRef[], status: string, since: number, timeoutMs?: number): Promise<void> {
  const monitor = monitorOf(ctx);
  // A report counts when it came after `since` and, by the station's own clock, is not older than the last report of
  // that connector this case took: a change queued earlier and sent late (a station delivering events it held while
  // booting) is not the report of the change the step is about.
  const counts = (call: SessionCall, c: ConnectorRef) => reportedStatus(call, c) === status && isNewReport(ctx, c, status, reportedAt(call, c));
  await ctx.step(title, async () => {
    const missing = new Map(connectors.map((c) => [`${c.evseId}/${c.connectorId}`, c]));
    while (missing.size > 0) {
      const names = [...missing.keys()].join(', ');
      const report = await monitor.next(`a report of connector(s) ${names} (evse/connector) as ${status}`, (call) =>
        call.receivedAt.getTime() >= since && [...missing.values()].some((c) => counts(call, c)),
        { timeoutMs },
      );
      for (const [key, connector] of [...missing]) {
        if (!counts(report, connector)) continue;
        noteTaken(ctx, connector, { status, at: reportedAt(report, connector) });
        checkStatusReport(ctx, report, connector, status);
        if (report.action === 'StatusNotification') {
          const payload = (report as IncomingCall<'StatusNotification'>).payload;
          ctx.check.notEqual('StatusNotificationRequest.evseId', payload.evseId, 0);
          ctx.check.notEqual('StatusNotificationRequest.connectorId', payload.connectorId, 0);
        }
        missing.delete(key);
      }
    }
    // A station may report a change both ways (StatusNotification and NotifyEvent); the copy already here is the same
    // report, not a later change, so later steps do not take it for one.
    monitor.discard((call) => call.receivedAt.getTime() >= since && connectors.some((c) => reportedStatus(call, c) === status));
  });
}

/**
 * Reusable State Unavailable for `target`: ChangeAvailabilityRequest Inoperative, answered Accepted, then every connector
 * of the target reported Unavailable. Numbered `first` (steps first..first+3).
 */
export async function unavailable(ctx: CsCaseContext, target: AvailabilityTarget, first = 1): Promise<void> {
  await ctx.step(`Reusable State Unavailable for ${describeTarget(target)}`, async () => {
    const since = Date.now();
    await availabilityRequested(ctx, `${first}-${first + 1}. harness sends ChangeAvailabilityRequest (Inoperative) for ${describeTarget(target)}, station accepts`, target, 'Inoperative', 'Accepted');
    await connectorsReported(ctx, `${first + 2}-${first + 3}. station reports the connectors of ${describeTarget(target)} Unavailable`, connectorsOf(ctx, target), 'Unavailable', since);
  });
}

/**
 * Runs `body`, then (clean-up, not part of Part 6) sets the station, every EVSE and every connector Operative again and
 * lets the reports of that change come, so the next case finds the station as it was. Problems here do not change the verdict.
 */
export async function withAvailabilityRestored(ctx: CsCaseContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    await ctx.step('Afterwards: set the station, its EVSEs and connectors Operative again (clean-up, not part of the Part 6 case)', async () => {
      const monitor = monitorOf(ctx);
      monitor.lenient = true;
      const targets: AvailabilityTarget[] = [{}, ...ctx.config.station.evses.flatMap((e) => [{ evseId: e.id }, ...e.connectors.map((connectorId) => ({ evseId: e.id, connectorId }))])];
      for (const target of targets) {
        try {
          if (!ctx.csms.connection) await ctx.csms.nextConnection();
          await ctx.csms.call('ChangeAvailability', { operationalStatus: 'Operative', ...evseField(target) });
        } catch {
          // Best effort: what the case found stands.
        }
      }    });
  }
}

/**
 * After a ChangeAvailability(Inoperative) answered Scheduled during the session's transaction: StopAuthorized,
 * EVConnectedPostSession, EVDisconnected and ParkingBayUnoccupied in turn, numbered from `first`, each followed (only
 * when it ended the transaction) by the reports of `connectors` as Unavailable. The EV leaving a connector that waits to
 * become Unavailable turns it Unavailable, not Available (G01.FR.05), so EVDisconnected here does not wait for an
 * Available report; an open transaction must still end with EVCommunicationLost.
 */
export async function sessionEndsThenUnavailable(session: ChargingSession, connectors: readonly ConnectorRef[], first: number): Promise<void> {
  const { ctx, monitor } = session;
  const transactionId = session.transactionId;
  const ended = () => transactionId === undefined || monitor.transaction(transactionId)?.ended === true;
  const states: readonly (readonly [string, () => Promise<unknown>])[] = [
    ['StopAuthorized', () => stopAuthorized(session)],
    ['EVConnectedPostSession', () => evConnectedPostSession(session)],
    ['EVDisconnected', () => evLeavesScheduledConnector(session)],
    ['ParkingBayUnoccupied', () => bayLeft(session)],
  ];
  let n = first;
  for (const [name, state] of states) {
    const wasOpen = !ended();
    const since = Date.now();
    await ctx.step(`${n}. ${name} on EVSE ${session.evse.evseId}`, state);
    if (wasOpen && ended()) await connectorsReported(ctx, `${n + 1}-${n + 2}. station reports the connectors now Unavailable`, connectors, 'Unavailable', since);
    else await ctx.step(`${n + 1}-${n + 2}. not executed: ${name} did not end the transaction`, () => undefined);
    n += 3;
  }
}

/** EVDisconnected for a connector that waits to become Unavailable: the EV is unplugged; an open transaction ends with EVCommunicationLost and chargingState Idle. */
async function evLeavesScheduledConnector(session: ChargingSession): Promise<void> {
  const { ctx, monitor, evse } = session;
  await ctx.step('Reusable State EVDisconnected (the connector is reported Unavailable, see the next step, not Available)', async () => {
    const wasOpen = monitor.transactionOpen;
    await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...evse });
    session.evConnected = false;
    if (!wasOpen) return;
    await ctx.step('3-4. station sends TransactionEventRequest for the lost EV', async () => {
      const event = await monitor.nextEvent('a TransactionEventRequest for the disconnected EV');
      ctx.check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'EVCommunicationLost');
      ctx.check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Idle');
    });
  });
}

/** ParkingBayUnoccupied: the EV leaves the bay; a transaction still open ends with EVDeparted. */
async function bayLeft(session: ChargingSession): Promise<void> {
  await session.ctx.step('Reusable State ParkingBayUnoccupied', async () => {
    const wasOpen = session.monitor.transactionOpen;
    if ((await bayAction(session, false)) && wasOpen) await departureReported(session);
  });
}

/**
 * Reusable State Booting followed by the boot (Booted, or steps 2-7 of TC_G_19_CS / TC_G_21_CS): ResetRequest Immediate,
 * the BootNotificationRequest accepted, every connector reported with the status `unavailableTarget` gives it
 * (Unavailable inside the target, Available elsewhere) and the SecurityEventNotification of the restart.
 */
export async function rebootedKeepingAvailability(ctx: CsCaseContext, title: string, unavailableTarget: AvailabilityTarget): Promise<void> {
  const inside = new Set(connectorsOf(ctx, unavailableTarget).map((c) => `${c.evseId}/${c.connectorId}`));
  await ctx.step(title, async () => {
    await resetAnswered(ctx, { type: 'Immediate' }, 'Accepted');
    await rebootedAfterReset(ctx, { first: 3, securityEvent: true, expected: (evseId, connectorId) => (inside.has(`${evseId}/${connectorId}`) ? 'Unavailable' : 'Available') });
  });
}
