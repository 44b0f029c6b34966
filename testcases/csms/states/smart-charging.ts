/** Smart charging (Block K) as the harness plays the station: the CSMS is asked to set, clear or read charging profiles, and the harness checks and answers what it sends. */
import type { ActionChargingProfile, ActionProfileCriteria, CsmsAction } from '../../../src/drivers/csms-actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppAction, OcppRequests } from '../../../src/ocpp/generated';
import type { ChargingLimitSourceEnumType, ChargingProfileKindEnumType, ChargingProfilePurposeEnumType, ChargingProfileType, ChargingRateUnitEnumType, ChargingScheduleType } from '../../../src/ocpp/generated/definitions';
import { sutFailed } from '../../../src/engine/verdict';
import { csmsSendsAfter } from './operator';
import { authorized, evConnectedPreSession, newTransaction, transactionEventStep, type SimulatedTransaction } from './transaction';

/** A limit of `amps` A in `unit`: as is for A, times 1000 for W (Part 6 "6.0 or 6000.0"). */
export const limitIn = (unit: ChargingRateUnitEnumType, amps: number): number => (unit === 'W' ? amps * 1000 : amps);

/** The profile a K case asks the CSMS for: <Configured chargingProfileId>, stackLevel, rate unit, numberPhases and duration, with `what` on top. */
export function configuredProfile(ctx: CsmsCaseContext, what: Pick<ActionChargingProfile, 'purpose' | 'kind'> & { readonly amps: number } & Partial<ActionChargingProfile>): ActionChargingProfile {
  const { chargingProfile, csmsChargingProfile } = ctx.config.configured;
  const { amps, ...rest } = what;
  return {
    id: chargingProfile.id,
    stackLevel: csmsChargingProfile.stackLevel,
    chargingRateUnit: chargingProfile.chargingRateUnit,
    limit: limitIn(chargingProfile.chargingRateUnit, amps),
    numberPhases: chargingProfile.numberPhases,
    duration: chargingProfile.durationSeconds,
    ...rest,
  };
}

/** Asks the CSMS side for `action` and answers the `message` CALL it causes with `answer`; a step. Returns the CALL and when it arrived. */
export function csmsCalled<A extends OcppAction>(ctx: CsmsCaseContext, title: string, action: CsmsAction, message: A, answer: (call: IncomingCall<A>) => void): Promise<{ readonly call: IncomingCall<A>; readonly at: number }> {
  return ctx.step(title, async () => {
    let at = 0;
    const call = await csmsSendsAfter(ctx, action, message, (c) => {
      at = Date.now();
      answer(c);
    });
    return { call, at };
  });
}

/** Asks the CSMS to set `profile` on `evseId` and answers its SetChargingProfileRequest with `answer`. */
export function profileSet(ctx: CsmsCaseContext, title: string, evseId: number, profile: ActionChargingProfile, answer: (call: IncomingCall<'SetChargingProfile'>) => void = (c) => c.respond({ status: 'Accepted' })): Promise<{ readonly call: IncomingCall<'SetChargingProfile'>; readonly at: number }> {
  return csmsCalled(ctx, title, { kind: 'setChargingProfile', stationId: ctx.config.station.id, evseId, profile }, 'SetChargingProfile', answer);
}

/** The one chargingSchedule of a profile (K01.FR.34 outside ISO 15118); the first when there are more. */
export const scheduleOf = (profile: ChargingProfileType | undefined): ChargingScheduleType | undefined => profile?.chargingSchedule[0];

/** numberPhases as Part 6 checks it: <Configured numberPhases>, or omitted when that is 3 (K01.FR.49). */
export function checkNumberPhases(ctx: CsmsCaseContext, label: string, actual: number | undefined): void {
  const phases = ctx.config.configured.chargingProfile.numberPhases;
  if (phases === 3) ctx.check.oneOf(label, actual, [3, undefined]);
  else ctx.check.equal(label, actual, phases);
}

/** What a step expects of a received charging profile; each field given is checked, `startSchedule` true means it must be there, false that it must be omitted. */
export interface ProfileExpectation {
  readonly evseId?: number;
  readonly stackLevel?: number;
  readonly purpose?: ChargingProfilePurposeEnumType;
  readonly kinds?: readonly ChargingProfileKindEnumType[];
  readonly chargingRateUnit?: ChargingRateUnitEnumType;
  readonly duration?: number;
  /** The first (and only) period starts at 0 with this limit in A (W: times 1000), on <Configured numberPhases>. */
  readonly amps?: number;
  readonly startSchedule?: boolean;
  readonly transactionId?: string | null;
}

/** Checks `profile` (and the evseId it came with, `evseId` undefined for a RequestStartTransaction) as `expected` says, field by field. */
export function checkProfile(ctx: CsmsCaseContext, message: string, evseId: number | undefined, profile: ChargingProfileType | undefined, expected: ProfileExpectation): void {
  const { check } = ctx;
  const schedule = scheduleOf(profile);
  const period = schedule?.chargingSchedulePeriod[0];
  if (expected.evseId !== undefined) check.equal(`${message}.evseId`, evseId, expected.evseId);
  if (expected.stackLevel !== undefined) check.equal(`${message}.chargingProfile.stackLevel`, profile?.stackLevel, expected.stackLevel);
  if (expected.purpose) check.equal(`${message}.chargingProfile.chargingProfilePurpose`, profile?.chargingProfilePurpose, expected.purpose);
  if (expected.kinds) check.oneOf(`${message}.chargingProfile.chargingProfileKind`, profile?.chargingProfileKind, expected.kinds);
  if (expected.startSchedule !== undefined) check.that(`${message}.chargingProfile.chargingSchedule.startSchedule`, (schedule?.startSchedule !== undefined) === expected.startSchedule, expected.startSchedule ? 'present' : 'omitted', schedule?.startSchedule ?? '(omitted)');
  if (expected.chargingRateUnit) check.equal(`${message}.chargingProfile.chargingSchedule.chargingRateUnit`, schedule?.chargingRateUnit, expected.chargingRateUnit);
  if (expected.duration !== undefined) check.equal(`${message}.chargingProfile.chargingSchedule.duration`, schedule?.duration, expected.duration);
  if (expected.amps !== undefined) {
    check.equal(`${message}.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod`, period?.startPeriod, 0);
    check.equal(`${message}.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].limit`, period?.limit, limitIn(schedule?.chargingRateUnit ?? 'A', expected.amps));
    checkNumberPhases(ctx, `${message}.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].numberPhases`, period?.numberPhases);
  }
  if (expected.transactionId !== undefined) check.equal(`${message}.chargingProfile.transactionId`, profile?.transactionId, expected.transactionId ?? undefined);
}

/** The ISO 8601 time `value` is within `slackMs` of `expectedMs`. */
export function checkTimeNear(ctx: CsmsCaseContext, label: string, value: string | undefined, expectedMs: number, slackMs: number): void {
  const t = value === undefined ? NaN : Date.parse(value);
  ctx.check.that(label, Math.abs(t - expectedMs) <= slackMs, `${new Date(expectedMs).toISOString()} (± ${slackMs / 1000} s)`, value ?? '(omitted)');
}

/**
 * The errata's "comply with Part 2" validation of a received profile, as checks: K01.FR.31 and .35 (periods from 0,
 * in order), K01.FR.38 (no Relative station maximum), K01.FR.40/.41 (startSchedule with Absolute and Recurring only),
 * Recurring with a recurrencyKind, K01.FR.16 (a TxProfile on an EVSE), K01.FR.22 (never ExternalConstraints), K01.FR.19
 * (phaseToUse only with one phase), K01.FR.34 (one schedule), and, for a SetChargingProfileRequest of a TxProfile,
 * K01.FR.03 (with the transactionId).
 */
export function checkPart2Profile(ctx: CsmsCaseContext, message: string, evseId: number | undefined, profile: ChargingProfileType, options: { readonly setForTransaction?: boolean } = {}): void {
  const { check } = ctx;
  const p = `${message}.chargingProfile`;
  const schedules = profile.chargingSchedule;
  check.equal(`${p}.chargingSchedule count (K01.FR.34)`, schedules.length, 1);
  for (const [i, s] of schedules.entries()) {
    const starts = s.chargingSchedulePeriod.map((x) => x.startPeriod);
    check.equal(`${p}.chargingSchedule[${i}].chargingSchedulePeriod[0].startPeriod (K01.FR.31)`, starts[0], 0);
    check.that(`${p}.chargingSchedule[${i}].chargingSchedulePeriod in increasing startPeriod (K01.FR.35)`, starts.every((v, j) => j === 0 || v > starts[j - 1]), 'increasing', JSON.stringify(starts));
    const needsStart = profile.chargingProfileKind !== 'Relative';
    check.that(`${p}.chargingSchedule[${i}].startSchedule with kind ${profile.chargingProfileKind} (K01.FR.40/41)`, (s.startSchedule !== undefined) === needsStart, needsStart ? 'present' : 'omitted', s.startSchedule ?? '(omitted)');
    const badPhase = s.chargingSchedulePeriod.find((x) => x.phaseToUse !== undefined && x.numberPhases !== 1);
    check.that(`${p}.chargingSchedule[${i}] phaseToUse only with numberPhases 1 (K01.FR.19)`, badPhase === undefined, 'no phaseToUse unless numberPhases is 1', JSON.stringify(badPhase ?? 'none'));
  }
  check.notEqual(`${p}.chargingProfilePurpose (K01.FR.22)`, profile.chargingProfilePurpose, 'ChargingStationExternalConstraints');
  if (profile.chargingProfilePurpose === 'ChargingStationMaxProfile') check.notEqual(`${p}.chargingProfileKind of a ChargingStationMaxProfile (K01.FR.38)`, profile.chargingProfileKind, 'Relative');
  check.that(`${p}.recurrencyKind`, (profile.recurrencyKind !== undefined) === (profile.chargingProfileKind === 'Recurring'), profile.chargingProfileKind === 'Recurring' ? 'present with kind Recurring' : 'omitted unless kind is Recurring', profile.recurrencyKind ?? '(omitted)');
  if (profile.chargingProfilePurpose === 'TxProfile' && evseId !== undefined) check.that(`${message}.evseId of a TxProfile (K01.FR.16)`, evseId > 0, 'above 0', String(evseId));
  if (profile.chargingProfilePurpose === 'TxProfile' && options.setForTransaction) check.that(`${p}.transactionId of a TxProfile (K01.FR.03)`, profile.transactionId !== undefined, 'present', '(omitted)');
}

/** What a GetChargingProfilesRequest should name: each field given must be there with that value; every other must be omitted. */
export interface CriteriaExpectation extends ActionProfileCriteria {
  readonly evseId?: number;
}

/** Checks the evseId and chargingProfile criteria of a GetChargingProfilesRequest against `expected` (absent fields: omitted). */
export function checkCriteria(ctx: CsmsCaseContext, request: OcppRequests['GetChargingProfiles'], expected: CriteriaExpectation): void {
  const { check } = ctx;
  const c = request.chargingProfile;
  check.equal('GetChargingProfilesRequest.evseId', request.evseId, expected.evseId);
  check.equal('GetChargingProfilesRequest.chargingProfile.chargingProfilePurpose', c.chargingProfilePurpose, expected.purpose);
  check.equal('GetChargingProfilesRequest.chargingProfile.stackLevel', c.stackLevel, expected.stackLevel);
  check.equal('GetChargingProfilesRequest.chargingProfile.chargingLimitSource', c.chargingLimitSource, expected.chargingLimitSource === undefined ? undefined : [expected.chargingLimitSource]);
  check.equal('GetChargingProfilesRequest.chargingProfile.chargingProfileId', c.chargingProfileId, expected.chargingProfileId === undefined ? undefined : [expected.chargingProfileId]);
}

/** A profile the harness's station reports as installed: one period of 10 A (or 10 kW) from 0. */
export function installedProfile(ctx: CsmsCaseContext, fields: { readonly id: number; readonly purpose: ChargingProfilePurposeEnumType; readonly stackLevel?: number }): ChargingProfileType {
  const unit = ctx.config.configured.chargingProfile.chargingRateUnit;
  const relative = fields.purpose === 'TxProfile';
  return {
    id: fields.id,
    stackLevel: fields.stackLevel ?? ctx.config.configured.csmsChargingProfile.stackLevel,
    chargingProfilePurpose: fields.purpose,
    chargingProfileKind: relative ? 'Relative' : 'Absolute',
    chargingSchedule: [{ id: 1, ...(relative ? {} : { startSchedule: new Date().toISOString() }), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(unit, 10) }] }],
  };
}

/** One ReportChargingProfilesRequest: the profiles of one EVSE from one source. */
export interface ProfileReport {
  readonly evseId: number;
  readonly chargingLimitSource: ChargingLimitSourceEnumType;
  readonly profiles: readonly ChargingProfileType[];
}

/**
 * Manual action and steps 1-2 of a GetChargingProfiles case: the CSMS is asked for the profiles `criteria` names
 * (`evseId` undefined: any EVSE); the harness answers Accepted. Returns the request.
 */
export async function profilesAsked(ctx: CsmsCaseContext, evseId: number | undefined, criteria: ActionProfileCriteria, first = 1): Promise<OcppRequests['GetChargingProfiles']> {
  const where = evseId === undefined ? 'any EVSE' : evseId === 0 ? 'the station (evseId 0)' : `EVSE ${evseId}`;
  const { call } = await csmsCalled(ctx, `${first}-${first + 1}. the CSMS, asked for the charging profiles of ${where}, sends GetChargingProfilesRequest; harness answers Accepted`, { kind: 'getChargingProfiles', stationId: ctx.config.station.id, ...(evseId === undefined ? {} : { evseId }), criteria }, 'GetChargingProfiles', (c) => c.respond({ status: 'Accepted' }));
  return call.payload;
}

/** Steps 3-4 of a GetChargingProfiles case: the harness sends `reports` for the request (tbc true on all but the last); the CSMS must answer each. */
export function profilesReported(ctx: CsmsCaseContext, title: string, requestId: number, reports: readonly ProfileReport[]): Promise<void> {
  return ctx.step(title, async () => {
    for (const [i, r] of reports.entries()) {
      const [first, ...more] = r.profiles;
      await ctx.station.call('ReportChargingProfiles', { requestId, chargingLimitSource: r.chargingLimitSource, evseId: r.evseId, tbc: i < reports.length - 1, chargingProfile: [first, ...more] });
    }
  });
}

/**
 * A whole GetChargingProfiles case (K09): asks, checks the request against `expected` (Part 6 step 1), and reports one
 * profile matching it from the EVSEs it names (every configured EVSE when it names none).
 */
export async function profilesReadBack(ctx: CsmsCaseContext, expected: CriteriaExpectation): Promise<void> {
  const { evseId, ...criteria } = expected;
  const request = await profilesAsked(ctx, evseId, criteria);
  await ctx.step('Step 1: GetChargingProfilesRequest names what it was asked to, and nothing else', () => checkCriteria(ctx, request, expected));
  const { csmsChargingProfile } = ctx.config.configured;
  const evses = evseId === undefined ? ctx.config.station.evses.map((e) => e.id) : [evseId];
  const reports = evses.map((id, i) => ({
    evseId: id,
    chargingLimitSource: criteria.chargingLimitSource ?? 'CSO',
    profiles: [installedProfile(ctx, { id: criteria.chargingProfileId ?? 7100 + i, purpose: criteria.purpose ?? csmsChargingProfile.purpose, stackLevel: criteria.stackLevel })],
  }));
  await profilesReported(ctx, `3-4. harness reports ${reports.length === 1 ? 'the matching profile' : 'the matching profiles, one ReportChargingProfilesRequest per EVSE'} with the requestId; the CSMS answers`, request.requestId, reports);
}

/** Manual action and steps 1-2 of a ClearChargingProfile case; the harness answers `status`. Returns the request. */
export async function profilesCleared(ctx: CsmsCaseContext, what: Omit<Extract<CsmsAction, { kind: 'clearChargingProfile' }>, 'kind' | 'stationId'>, status: 'Accepted' | 'Unknown', first = 1): Promise<OcppRequests['ClearChargingProfile']> {
  const how = what.chargingProfileId !== undefined ? `profile ${what.chargingProfileId}` : 'the profiles of a purpose and stack level on an EVSE';
  const { call } = await csmsCalled(ctx, `${first}-${first + 1}. the CSMS, asked to clear ${how}, sends ClearChargingProfileRequest; harness answers ${status}`, { kind: 'clearChargingProfile', stationId: ctx.config.station.id, ...what }, 'ClearChargingProfile', (c) => c.respond({ status }));
  return call.payload;
}

/** Step 1 of TC_K_06/08_CSMS: the criteria are TxDefaultProfile, <Configured stackLevel> and <Configured evseId>, without a chargingProfileId. */
export function checkClearByCriteria(ctx: CsmsCaseContext, request: OcppRequests['ClearChargingProfile']): void {
  const { check, config } = ctx;
  check.equal('ClearChargingProfileRequest.chargingProfileCriteria.chargingProfilePurpose', request.chargingProfileCriteria?.chargingProfilePurpose, 'TxDefaultProfile');
  check.equal('ClearChargingProfileRequest.chargingProfileCriteria.stackLevel', request.chargingProfileCriteria?.stackLevel, config.configured.csmsChargingProfile.stackLevel);
  check.equal('ClearChargingProfileRequest.chargingProfileCriteria.evseId', request.chargingProfileCriteria?.evseId, config.configured.evseId);
  check.equal('ClearChargingProfileRequest.chargingProfileId', request.chargingProfileId, undefined);
}

/** The clear-by-criteria cases (TC_K_06/08_CSMS): TxDefaultProfile at <Configured stackLevel> on <Configured evseId>, answered `status`. */
export async function clearedByCriteria(ctx: CsmsCaseContext, status: 'Accepted' | 'Unknown'): Promise<void> {
  const { configured } = ctx.config;
  const request = await profilesCleared(ctx, { criteria: { evseId: configured.evseId, purpose: 'TxDefaultProfile', stackLevel: configured.csmsChargingProfile.stackLevel } }, status);
  await ctx.step('Step 1: ClearChargingProfileRequest names the purpose, stack level and EVSE only', () => checkClearByCriteria(ctx, request));
}

/**
 * The GetCompositeSchedule cases (K08): the CSMS is asked for the composite schedule of `evseId` over <Configured duration>
 * in <Configured chargingRateUnit>; the request is checked (step 1) and answered Accepted with one period of 10 A (10 kW).
 */
export async function compositeScheduleAsked(ctx: CsmsCaseContext, evseId: number): Promise<void> {
  const { durationSeconds: duration, chargingRateUnit } = ctx.config.configured.chargingProfile;
  const { call } = await csmsCalled(ctx, `1-2. the CSMS, asked for the composite schedule of ${evseId === 0 ? 'the station' : `EVSE ${evseId}`}, sends GetCompositeScheduleRequest; harness answers Accepted with one period of 10 A`, { kind: 'getCompositeSchedule', stationId: ctx.config.station.id, evseId, duration, chargingRateUnit }, 'GetCompositeSchedule', (c) => {
    const unit = c.payload.chargingRateUnit ?? chargingRateUnit;
    c.respond({ status: 'Accepted', schedule: { evseId: c.payload.evseId, duration: c.payload.duration, scheduleStart: new Date().toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(unit, 10) }] } });
  });
  await ctx.step('Step 1: GetCompositeScheduleRequest as Part 6 lists it', () => {
    ctx.check.equal('GetCompositeScheduleRequest.evseId', call.payload.evseId, evseId);
    ctx.check.equal('GetCompositeScheduleRequest.duration', call.payload.duration, duration);
    ctx.check.equal('GetCompositeScheduleRequest.chargingRateUnit', call.payload.chargingRateUnit, chargingRateUnit);
  });
}

/** K12: the harness's station reports a limit an energy management system set on <Configured evseId> (NotifyChargingLimitRequest, source EMS). */
export function externalLimitNotified(ctx: CsmsCaseContext, title: string): Promise<void> {
  const unit = ctx.config.configured.chargingProfile.chargingRateUnit;
  return ctx.step(title, async () => {
    await ctx.station.call('NotifyChargingLimit', {
      chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: false },
      evseId: ctx.config.configured.evseId,
      chargingSchedule: [{ id: 1, startSchedule: new Date().toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(unit, 10) }] }],
    });
  });
}

/** K13: the harness's station reports that the limit of the energy management system on <Configured evseId> is released (ClearedChargingLimitRequest, source EMS). */
export function externalLimitCleared(ctx: CsmsCaseContext, title: string): Promise<void> {
  return ctx.step(title, async () => {
    await ctx.station.call('ClearedChargingLimit', { chargingLimitSource: 'EMS', evseId: ctx.config.configured.evseId });
  });
}

/**
 * The mock EV of the ISO 15118 cases (Part 6 "<Configured values from mock EV>"): AC on three phases, 6 to 16 A at 400 V,
 * 20 kWh to charge, at most three schedule tuples.
 */
export const MOCK_EV_NEEDS: Pick<OcppRequests['NotifyEVChargingNeeds'], 'maxScheduleTuples' | 'chargingNeeds'> = {
  maxScheduleTuples: 3,
  chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase', acChargingParameters: { energyAmount: 20_000, evMinCurrent: 6, evMaxCurrent: 16, evMaxVoltage: 400 } },
};

/** Part 6: after a NotifyEVChargingNeedsResponse with status Processing the OCTT waits 60 s for the SetChargingProfileRequest. */
const PROCESSING_WAIT_MS = 60_000;

/** A wait for the CSMS's next SetChargingProfileRequest, armed before what causes it; the harness accepts it as it arrives. */
export function txProfileArmed(ctx: CsmsCaseContext): Promise<IncomingCall<'SetChargingProfile'>> {
  const armed = ctx.station.expect('SetChargingProfile', { timeoutMs: PROCESSING_WAIT_MS + ctx.config.timeouts.messageMs }).then((call) => {
    call.respond({ status: 'Accepted' });
    return call;
  });
  armed.catch(() => undefined); // awaited by txProfileReceived, or ended with the case when a step failed first
  return armed;
}

/** A step: the harness sends the mock EV's charging needs for the EVSE of `tx`; the answer must be one of `statuses`. Returns it. */
export function evChargingNeedsSent(ctx: CsmsCaseContext, title: string, tx: { readonly evse: { readonly id: number } }, statuses: readonly ('Accepted' | 'Processing')[]): Promise<string> {
  return ctx.step(title, async () => {
    const answer = await ctx.station.call('NotifyEVChargingNeeds', { evseId: tx.evse.id, ...MOCK_EV_NEEDS });
    ctx.check.oneOf('NotifyEVChargingNeedsResponse.status', answer.status, statuses);
    return answer.status;
  });
}

/**
 * A step: the CSMS's SetChargingProfileRequest for the transaction arrives (armed earlier) within the message timeout, or
 * within 60 s when it answered the charging needs with Processing (a wait Part 6 prescribes). Checks the evseId, purpose
 * TxProfile, the transactionId, and K15.FR.07 (at most three schedules of at most maxScheduleTuples periods).
 */
export function txProfileReceived(ctx: CsmsCaseContext, title: string, armed: Promise<IncomingCall<'SetChargingProfile'>>, tx: { readonly evse: { readonly id: number }; readonly transactionId: string }, afterProcessing = false): Promise<OcppRequests['SetChargingProfile']> {
  const waitMs = afterProcessing ? PROCESSING_WAIT_MS : ctx.config.timeouts.messageMs;
  return ctx.step(`${title}${afterProcessing ? ' (the CSMS answered Processing: harness waits up to 60 s, as Part 6 says)' : ''}`, async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(sutFailed('OCPPCT_EXPECT_TIMEOUT', `the CSMS did not send SetChargingProfileRequest within ${waitMs} ms`)), waitMs);
    });
    try {
      const { payload } = await Promise.race([armed, late]);
      const { check } = ctx;
      check.equal('SetChargingProfileRequest.evseId', payload.evseId, tx.evse.id);
      check.equal('SetChargingProfileRequest.chargingProfile.chargingProfilePurpose', payload.chargingProfile.chargingProfilePurpose, 'TxProfile');
      check.equal('SetChargingProfileRequest.chargingProfile.transactionId', payload.chargingProfile.transactionId, tx.transactionId);
      const schedules = payload.chargingProfile.chargingSchedule;
      const tuples = MOCK_EV_NEEDS.maxScheduleTuples ?? 3;
      check.that('SetChargingProfileRequest.chargingProfile.chargingSchedule (K15.FR.07)', schedules.length <= 3 && schedules.every((s) => s.chargingSchedulePeriod.length <= tuples), `at most 3 schedules of at most ${tuples} periods`, schedules.map((s) => `${s.chargingSchedulePeriod.length} period(s)`).join(', '));
      return payload;
    } finally {
      clearTimeout(timer);
    }
  });
}

/** A step: the harness sends the EV's charging schedule for the EVSE of `tx`; the CSMS must answer `expected`. */
export function evScheduleSent(ctx: CsmsCaseContext, title: string, tx: { readonly evse: { readonly id: number } }, chargingSchedule: ChargingScheduleType, expected: 'Accepted' | 'Rejected'): Promise<void> {
  return ctx.step(title, async () => {
    const answer = await ctx.station.call('NotifyEVChargingSchedule', { timeBase: new Date().toISOString(), evseId: tx.evse.id, chargingSchedule });
    ctx.check.equal('NotifyEVChargingScheduleResponse.status', answer.status, expected);
  });
}

/** The EV's schedule as it follows a profile: its first schedule, as is. */
export function followedSchedule(profile: OcppRequests['SetChargingProfile']): ChargingScheduleType {
  return profile.chargingProfile.chargingSchedule[0];
}

/** An EV schedule above a profile: its first schedule with every limit raised by 10 A (10 kW). */
export function exceedingSchedule(profile: OcppRequests['SetChargingProfile']): ChargingScheduleType {
  const schedule = followedSchedule(profile);
  return { ...schedule, chargingSchedulePeriod: schedule.chargingSchedulePeriod.map((p) => ({ ...p, limit: p.limit + limitIn(schedule.chargingRateUnit, 10) })) as ChargingScheduleType['chargingSchedulePeriod'] };
}

/**
 * Reusable State ISO15118SmartCharging: the EV's needs go to the CSMS (Accepted or Processing), its TxProfile for the
 * transaction is accepted, the EV's schedule that follows it must be Accepted, and charging starts.
 */
export function iso15118SmartCharging(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<OcppRequests['SetChargingProfile']> {
  return ctx.step('Reusable State ISO15118SmartCharging', async () => {
    const armed = txProfileArmed(ctx);
    const status = await evChargingNeedsSent(ctx, '1-2. harness sends NotifyEVChargingNeedsRequest with the mock EV\'s needs; the CSMS answers Accepted or Processing', tx, ['Accepted', 'Processing']);
    const profile = await txProfileReceived(ctx, '3-4. the CSMS sends SetChargingProfileRequest (TxProfile for the transaction); harness accepts', armed, tx, status === 'Processing');
    await evScheduleSent(ctx, '5-6. harness sends NotifyEVChargingScheduleRequest with the schedule of step 3; the CSMS answers Accepted', tx, followedSchedule(profile), 'Accepted');
    await transactionEventStep(ctx, '7-8. harness sends TransactionEventRequest (ChargingStateChanged, Charging)', tx, { triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    tx.phase = 'charging';
    tx.chargingSince = new Date();
    return profile;
  });
}

/** Before the ISO 15118 cases: Reusable States Authorized and EVConnectedPreSession for a new transaction on <Configured evseId>. */
export async function iso15118Session(ctx: CsmsCaseContext): Promise<SimulatedTransaction> {
  const tx = newTransaction(ctx.config);
  await authorized(ctx, tx);
  await evConnectedPreSession(ctx, tx);
  return tx;
}

/**
 * Steps 1-2 of the CSMS-initiated renegotiation (K16): the operator asks for an Absolute TxProfile of 10 A for the
 * transaction; the CSMS's SetChargingProfileRequest must name the EVSE, purpose TxProfile and the transactionId. Accepted.
 */
export async function csmsRenegotiates(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<OcppRequests['SetChargingProfile']> {
  const profile = configuredProfile(ctx, { purpose: 'TxProfile', kind: 'Absolute', amps: 10, duration: undefined, transactionId: tx.transactionId });
  const { call } = await profileSet(ctx, '1-2. the CSMS, asked to lower the limit of the transaction, sends SetChargingProfileRequest (TxProfile); harness accepts', tx.evse.id, profile);
  await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => checkProfile(ctx, 'SetChargingProfileRequest', call.payload.evseId, call.payload.chargingProfile, { evseId: tx.evse.id, purpose: 'TxProfile', transactionId: tx.transactionId }));
  return call.payload;
}
