/** Why: the K15-K17 cases (ISO 15118 smart charging) share the exchange of charging needs, TxProfile and EV schedule, and the RenegotiateChargingLimits state. */
import type { RunConfig } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { VerdictError } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { authorized } from './authorization';
import type { ChargingSession } from './session';
import { buildProfile, limitOf, setChargingProfile, smartChargingRequired, type ChargingProfile } from './smart-charging';
import { evConnectedPreSession } from './transaction';

/** The K15-K17 cases need a station whose EVs negotiate their schedule over ISO 15118. */
export const iso15118ChargingRequired = (config: RunConfig): string | undefined =>
  smartChargingRequired(config) ?? (config.configured.chargingProfile.iso15118 ? undefined : 'the station does not negotiate charging schedules with ISO 15118 EVs (configured.chargingProfile.iso15118 is false)');

/** A NotifyEVChargingNeedsRequest the harness waits for, armed before the action that causes it. */
export type NeedsCall = Promise<IncomingCall<'NotifyEVChargingNeeds'>>;

/** Arms the wait for the station's next NotifyEVChargingNeedsRequest (after now), so the case answers it itself. */
export function needsArmed(ctx: CsCaseContext): NeedsCall {
  const since = Date.now();
  return ctx.csms.expect('NotifyEVChargingNeeds', { timeoutMs: ctx.config.timeouts.operatorMs + ctx.config.timeouts.messageMs, where: (c) => c.receivedAt.getTime() >= since, description: 'NotifyEVChargingNeedsRequest' });
}

/**
 * Before of the K15 / K17 cases as errata 2025-09 6.2.77-6.2.79 order it: EVConnectedPreSession, then Authorized (local).
 * With `armed`, returns the NotifyEVChargingNeedsRequest the authorization brings, for the case to answer; without, a
 * NotifyEVChargingNeedsRequest the station sends then is answered Accepted in the background (a case whose scenario
 * starts later, with RenegotiateChargingLimits).
 */
export async function iso15118SessionAuthorized(session: ChargingSession, armed = true): Promise<{ readonly needs?: NeedsCall }> {
  const { ctx } = session;
  await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
  const needs = armed ? needsArmed(ctx) : undefined;
  await ctx.step('Before: reach state Authorized (local)', () => authorized(session, 'local'));
  return { needs };
}

/** A step: the station's NotifyEVChargingNeedsRequest (for the session's EVSE, with AC or DC parameters as its transfer mode says) is answered with `status`. */
export async function chargingNeedsAnswered(session: ChargingSession, title: string, needs: NeedsCall | undefined, status: 'Accepted' | 'Rejected'): Promise<void> {
  const { ctx } = session;
  await ctx.step(title, async () => {
    const call = await (needs ?? needsArmed(ctx));
    call.respond({ status });
    const { evseId, chargingNeeds } = call.payload;
    ctx.check.equal('NotifyEVChargingNeedsRequest.evseId', evseId, session.evse.evseId);
    const dc = chargingNeeds.requestedEnergyTransfer === 'DC';
    const parameters = dc ? chargingNeeds.dcChargingParameters : chargingNeeds.acChargingParameters;
    ctx.check.that(`NotifyEVChargingNeedsRequest.chargingNeeds.${dc ? 'dc' : 'ac'}ChargingParameters`, parameters !== undefined, 'present', parameters === undefined ? 'omitted' : 'present');
  });
}

/** The TxProfile of the K15 / K17 exchanges: for the session's transaction, from 0 s at `amps` times the limit multiplier. */
export function txProfileFor(session: ChargingSession, amps: number, duration?: number): ChargingProfile {
  return buildProfile(session.ctx.config, { purpose: 'TxProfile', kind: 'Relative', transactionId: session.transactionId, periods: [[0, amps]], duration: duration ?? null });
}

/**
 * Steps Part 6 marks optional: the station's NotifyEVChargingScheduleRequest (the EV's own schedule), answered Accepted;
 * when it comes it must name the session's EVSE and stay within the TxProfile's limits. A station that sends none within
 * the message timeout passes (the EV returned no schedule).
 */
export async function evScheduleReported(session: ChargingSession, title: string, profile: ChargingProfile): Promise<void> {
  const { ctx } = session;
  await ctx.step(title, async () => {
    let call: IncomingCall<'NotifyEVChargingSchedule'>;
    try {
      call = await ctx.csms.expect('NotifyEVChargingSchedule', { description: 'NotifyEVChargingScheduleRequest (optional)' });
    } catch (error) {
      if (error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT') return;
      throw error;
    }
    if (!call.isAnswered) call.respond({ status: 'Accepted' });
    const { evseId, chargingSchedule } = call.payload;
    ctx.check.equal('NotifyEVChargingScheduleRequest.evseId', evseId, session.evse.evseId);
    ctx.check.equal('NotifyEVChargingScheduleRequest.chargingSchedule.chargingSchedulePeriod[0].startPeriod', chargingSchedule.chargingSchedulePeriod[0].startPeriod, 0);
    const ceiling = profile.chargingSchedule[0].chargingSchedulePeriod[0].limit;
    const highest = Math.max(...chargingSchedule.chargingSchedulePeriod.map((p) => p.limit));
    ctx.check.that('NotifyEVChargingScheduleRequest.chargingSchedule within the TxProfile', chargingSchedule.chargingRateUnit === profile.chargingSchedule[0].chargingRateUnit && highest <= ceiling, `${profile.chargingSchedule[0].chargingRateUnit}, limits at most ${ceiling}`, `${chargingSchedule.chargingRateUnit}, highest limit ${highest}`);
  });
}

/**
 * A step: the station reports that the energy flows (TransactionEventRequest triggerReason ChargingStateChanged,
 * chargingState Charging; with `offline`, sent from its offline queue). Events of a suspension while the schedule was
 * negotiated come before it and are passed over.
 */
export async function chargingReported(session: ChargingSession, title: string, options: { readonly offline?: boolean } = {}): Promise<void> {
  const { ctx, monitor } = session;
  const suspended = (e: TransactionEventRequest) => e.triggerReason === 'ChargingStateChanged' && e.transactionInfo.chargingState === 'SuspendedEVSE';
  await ctx.step(title, async () => {
    const event = await monitor.nextEvent('a TransactionEventRequest with chargingState Charging', { acrossReconnect: true }, (e) => e.transactionInfo.chargingState === 'Charging' || !suspended(e));
    ctx.check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
    ctx.check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
    if (options.offline) ctx.check.equal('TransactionEventRequest.offline', event.offline, true);
    monitor.discard((c) => c.action === 'TransactionEvent' && suspended(c.payload as TransactionEventRequest));
  });
  session.energyStarted = true;
}

/** A step: the station reports the new limits of the charging transaction (TransactionEventRequest triggerReason ChargingRateChanged). */
export async function rateChangeReported(session: ChargingSession, title: string): Promise<void> {
  const { ctx, monitor } = session;
  await ctx.step(title, async () => {
    const event = await monitor.nextEvent('a TransactionEventRequest for the new charging rate');
    ctx.check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingRateChanged');
  });
}

/**
 * Reusable State RenegotiateChargingLimits: the EV asks to renegotiate (driver action), the harness accepts its needs,
 * sends a TxProfile of 300 s at 10 times the limit multiplier, takes the EV's schedule (optional) and, while the EV did
 * not charge yet, the report that it charges.
 */
export async function renegotiateChargingLimits(session: ChargingSession): Promise<void> {
  const { ctx } = session;
  await ctx.step('Reusable State RenegotiateChargingLimits', async () => {
    const charging = session.energyStarted;
    const needs = needsArmed(ctx);
    await session.act('Manual action: the EV renegotiates its charging limits', { kind: 'evRenegotiates', evseId: session.evse.evseId });
    await chargingNeedsAnswered(session, '1-2. station sends NotifyEVChargingNeedsRequest, harness accepts', needs, 'Accepted');
    const profile = txProfileFor(session, 10, 300);
    await setChargingProfile(ctx, `3-4. harness sends a TxProfile of ${limitOf(ctx.config, 10)} for the transaction, station accepts it`, session.evse.evseId, profile, 'Accepted');
    await evScheduleReported(session, '5-6. station sends the EV schedule (NotifyEVChargingScheduleRequest, optional), harness accepts', profile);
    if (charging) await rateChangeReported(session, '7-8. station reports the new charging rate (TransactionEventRequest)');
    else await chargingReported(session, '7-8. station reports that the EV charges (TransactionEventRequest)');
  });
}
