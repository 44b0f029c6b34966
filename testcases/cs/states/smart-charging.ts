/** Why: the K cases build charging profiles, set, report, clear and compose them the same way; the sequences live here once. */
import { newRequestId } from '../../../src/actors/ids';
import type { RunConfig } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { ChargingProfileType, ChargingSchedulePeriodType, CompositeScheduleType } from '../../../src/ocpp/generated/definitions';

/** A charging profile as the cases send it. */
export type ChargingProfile = ChargingProfileType;

/** Not every station takes both units: the K cases apply to a station with Smart Charging declared. */
export const smartChargingRequired = (config: RunConfig): string | undefined => (config.configured.smartCharging ? undefined : 'the station does not support Smart Charging (configured.smartCharging is false)');

/** Errata 2025-09 6.2.69: limits are a number of amperes times this (1 for A; 230 V per phase for W). */
export function limitMultiplier(config: RunConfig, unit: 'A' | 'W' = config.configured.chargingProfile.chargingRateUnit): number {
  return unit === 'A' ? 1 : 230 * config.configured.chargingProfile.numberPhases;
}

/** `amps` (6, 8, 10 …) in the configured rate unit (errata 2025-09 6.2.69). */
export const limitOf = (config: RunConfig, amps: number): number => amps * limitMultiplier(config);

/** An ISO date-time `seconds` from now (negative: in the past), whole seconds. */
export function secondsFromNow(seconds: number, now = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000 + seconds * 1000).toISOString();
}

/** What a case says about the profile it sends; the rest comes from the run config. */
export interface ProfileSpec {
  readonly purpose: ChargingProfile['chargingProfilePurpose'];
  /** Default <Configured chargingProfileId>. */
  readonly id?: number;
  /** Default Absolute. */
  readonly kind?: ChargingProfile['chargingProfileKind'];
  readonly stackLevel?: number;
  readonly transactionId?: string;
  readonly recurrencyKind?: ChargingProfile['recurrencyKind'];
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Default now for Absolute and Recurring; never for Relative. */
  readonly startSchedule?: string;
  /** Default <Configured duration>; null leaves it out. */
  readonly duration?: number | null;
  /** Default <Configured chargingRateUnit>. */
  readonly unit?: 'A' | 'W';
  /** [startPeriod, amperes] pairs; default one period from 0 s at 6 A (limits follow the multiplier). */
  readonly periods?: readonly (readonly [number, number])[];
}

/** Builds a charging profile from the run config's values and what the case says (limits times the errata's multiplier). */
export function buildProfile(config: RunConfig, spec: ProfileSpec): ChargingProfile {
  const configured = config.configured.chargingProfile;
  const id = spec.id ?? configured.id;
  const kind = spec.kind ?? 'Absolute';
  const unit = spec.unit ?? configured.chargingRateUnit;
  const periods = (spec.periods ?? [[0, 6]]).map(([startPeriod, amps]): ChargingSchedulePeriodType => ({ startPeriod, limit: amps * limitMultiplier(config, unit), numberPhases: configured.numberPhases }));
  const duration = spec.duration === null ? undefined : (spec.duration ?? configured.durationSeconds);
  return {
    id,
    stackLevel: spec.stackLevel ?? 0,
    chargingProfilePurpose: spec.purpose,
    chargingProfileKind: kind,
    ...(spec.recurrencyKind ? { recurrencyKind: spec.recurrencyKind } : {}),
    ...(spec.validFrom ? { validFrom: spec.validFrom } : {}),
    ...(spec.validTo ? { validTo: spec.validTo } : {}),
    ...(spec.transactionId ? { transactionId: spec.transactionId } : {}),
    chargingSchedule: [
      {
        id,
        ...(kind === 'Relative' ? {} : { startSchedule: spec.startSchedule ?? secondsFromNow(0) }),
        ...(duration === undefined ? {} : { duration }),
        chargingRateUnit: unit,
        chargingSchedulePeriod: periods as [ChargingSchedulePeriodType, ...ChargingSchedulePeriodType[]],
      },
    ],
  };
}

const cleared = new WeakMap<CsCaseContext, Set<number>>();

/** Registers (once per id) the clean-up that clears a profile the case set, so the next case starts without it. */
export function clearAfterwards(ctx: CsCaseContext, id: number): void {
  let ids = cleared.get(ctx);
  if (!ids) {
    const set = (ids = new Set<number>());
    cleared.set(ctx, set);
    ctx.defer('clear the charging profiles the case set', async () => {
      if (!ctx.csms.connection) return;
      for (const profileId of set) await ctx.csms.call('ClearChargingProfile', { chargingProfileId: profileId });
    });
  }
  ids.add(id);
}

/** A step: the harness sends SetChargingProfileRequest; the station's status is checked against `expected`. The profile is cleared when the case ends. */
export async function setChargingProfile(ctx: CsCaseContext, title: string, evseId: number, profile: ChargingProfile, expected: 'Accepted' | 'Rejected'): Promise<OcppResponses['SetChargingProfile']> {
  return ctx.step(title, async () => {
    clearAfterwards(ctx, profile.id);
    const response = await ctx.csms.call('SetChargingProfile', { evseId, chargingProfile: profile });
    ctx.check.equal('SetChargingProfileResponse.status', response.status, expected);
    return response;
  });
}

/** A Before (memory state) step: installs `profile` on `evseId`; a station that refuses it leaves the case inconclusive. */
export async function profileInstalled(ctx: CsCaseContext, title: string, evseId: number, profile: ChargingProfile): Promise<void> {
  await ctx.step(title, async () => {
    clearAfterwards(ctx, profile.id);
    const response = await ctx.csms.call('SetChargingProfile', { evseId, chargingProfile: profile });
    if (response.status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered the SetChargingProfileRequest of the Before state (profile ${profile.id}, ${profile.chargingProfilePurpose}, EVSE ${evseId}) with ${response.status}`);
  });
}

/** One reported profile: the EVSE and source of the report that carried it. */
export interface ReportedProfile {
  readonly evseId: number;
  readonly source: string;
  readonly profile: ChargingProfile;
}

/** What GetChargingProfiles gave: the status and, when Accepted, every profile of every report. */
export interface ProfilesReport {
  readonly requestId: number;
  readonly status: OcppResponses['GetChargingProfiles']['status'];
  readonly profiles: readonly ReportedProfile[];
}

/**
 * Steps: the harness sends GetChargingProfilesRequest (a generated requestId) and checks the status; when Accepted it
 * answers every ReportChargingProfilesRequest up to the one without tbc, checking each carries the requestId (K09.FR.01).
 * `titles` are the request step and the report step.
 */
export async function chargingProfilesReported(
  ctx: CsCaseContext,
  titles: readonly [string, string?],
  request: Omit<OcppRequests['GetChargingProfiles'], 'requestId'>,
  expected: 'Accepted' | 'NoProfiles',
): Promise<ProfilesReport> {
  const requestId = newRequestId();
  const status = await ctx.step(titles[0], async () => {
    const response = await ctx.csms.call('GetChargingProfiles', { requestId, ...request });
    ctx.check.equal('GetChargingProfilesResponse.status', response.status, expected);
    return response.status;
  });
  if (status !== 'Accepted' || !titles[1]) return { requestId, status, profiles: [] };
  const profiles: ReportedProfile[] = [];
  await ctx.step(titles[1], async () => {
    for (let part = 0; ; part++) {
      const report = await ctx.csms.expect('ReportChargingProfiles', { description: `ReportChargingProfilesRequest ${part + 1} of request ${requestId}` });
      report.respond({});
      ctx.check.equal('ReportChargingProfilesRequest.requestId', report.payload.requestId, requestId);
      profiles.push(...report.payload.chargingProfile.map((profile) => ({ evseId: report.payload.evseId, source: report.payload.chargingLimitSource, profile })));
      if (!report.payload.tbc) break;
    }
  });
  return { requestId, status, profiles };
}

/** A profile with dates as instants and no absent fields, so a station's own spelling of the same profile compares equal. */
function normalized(profile: ChargingProfile, ignored: readonly string[] = []): string {
  const instant = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : value);
  return JSON.stringify(profile, (key, value: unknown) => (ignored.includes(key) ? undefined : ['validFrom', 'validTo', 'startSchedule'].includes(key) ? instant(value) : value === null ? undefined : value));
}

/**
 * Checks that the reports hold exactly the profiles of `expected` (by id), each as sent and reported for its EVSE.
 * `ignored`: top-level fields the station fills in itself (the transactionId of a remote start's TxProfile).
 */
export function checkReported(ctx: CsCaseContext, report: ProfilesReport, expected: readonly { readonly evseId: number; readonly profile: ChargingProfile }[], ignored: readonly string[] = []): void {
  const ids = (list: readonly { readonly profile: ChargingProfile }[]) => list.map((p) => p.profile.id).sort((a, b) => a - b);
  ctx.check.equal('ids of the reported charging profiles', ids(report.profiles), ids(expected));
  for (const { evseId, profile } of expected) {
    const found = report.profiles.find((p) => p.profile.id === profile.id);
    if (!found) continue;
    ctx.check.equal(`ReportChargingProfilesRequest.evseId of profile ${profile.id}`, found.evseId, evseId);
    ctx.check.that(`ReportChargingProfilesRequest.chargingProfile ${profile.id} is the profile set`, normalized(found.profile, ignored) === normalized(profile, ignored), normalized(profile, ignored), normalized(found.profile, ignored));
  }
}

/** A step: the harness sends ClearChargingProfileRequest and checks the status. */
export async function chargingProfileCleared(ctx: CsCaseContext, title: string, request: OcppRequests['ClearChargingProfile'], expected: 'Accepted' | 'Unknown'): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('ClearChargingProfile', request);
    ctx.check.equal('ClearChargingProfileResponse.status', response.status, expected);
  });
}

/** A composite schedule the station reported, with when the harness asked for it. */
export interface Composite {
  readonly schedule: CompositeScheduleType;
  /** scheduleStart as ms since epoch. */
  readonly start: number;
}

/**
 * A step: the harness sends GetCompositeScheduleRequest for `evseId` over `duration` seconds in the configured rate
 * unit and checks the answer: Accepted, evseId, duration, chargingRateUnit, and scheduleStart within
 * <Configured max time deviation> of the request (errata 2025-09 6.2.71).
 */
export async function compositeScheduleReported(ctx: CsCaseContext, title: string, evseId: number, duration: number): Promise<Composite> {
  return ctx.step(title, async () => {
    const { chargingRateUnit } = ctx.config.configured.chargingProfile;
    const sentAt = Date.now();
    const response = await ctx.csms.call('GetCompositeSchedule', { evseId, duration, chargingRateUnit });
    ctx.check.equal('GetCompositeScheduleResponse.status', response.status, 'Accepted');
    ctx.check.that('GetCompositeScheduleResponse.schedule', response.schedule !== undefined, 'present', 'omitted');
    const schedule = response.schedule as CompositeScheduleType;
    ctx.check.equal('schedule.evseId', schedule.evseId, evseId);
    ctx.check.equal('schedule.duration', schedule.duration, duration);
    ctx.check.equal('schedule.chargingRateUnit', schedule.chargingRateUnit, chargingRateUnit);
    const start = Date.parse(schedule.scheduleStart);
    const deviation = ctx.config.configured.maxTimeDeviationSeconds;
    ctx.check.that('schedule.scheduleStart', Math.abs(start - sentAt) <= deviation * 1000, `within ${deviation} s of ${new Date(sentAt).toISOString()}`, schedule.scheduleStart);
    return { schedule, start };
  });
}

/** The limit a composite schedule gives at `offset` seconds from its start. */
export function limitAt(schedule: CompositeScheduleType, offset: number): number | undefined {
  let limit: number | undefined;
  for (const period of schedule.chargingSchedulePeriod) if (period.startPeriod <= offset) limit = period.limit;
  return limit;
}

/**
 * Checks one expected period of a composite schedule: a period starting within <Configured max time deviation> of
 * `startPeriod` (seconds from scheduleStart) with `amps` (times the multiplier) as its limit. `amps` undefined: any limit.
 */
export function checkPeriod(ctx: CsCaseContext, composite: Composite, startPeriod: number, amps: number | undefined, label = `period at ${Math.round(startPeriod)} s`): void {
  const deviation = ctx.config.configured.maxTimeDeviationSeconds;
  const periods = composite.schedule.chargingSchedulePeriod;
  const expectedLimit = amps === undefined ? undefined : limitOf(ctx.config, amps);
  const found = periods.find((p) => Math.abs(p.startPeriod - startPeriod) <= deviation && (expectedLimit === undefined || p.limit === expectedLimit));
  const shown = periods.map((p) => `${p.startPeriod} s: ${p.limit}`).join(', ');
  ctx.check.that(`schedule.chargingSchedulePeriod ${label}`, found !== undefined, `startPeriod ${Math.max(0, Math.round(startPeriod))} (± ${deviation} s)${expectedLimit === undefined ? '' : `, limit ${expectedLimit}`}`, shown);
}

/** The two profiles of the K09 Before states: a ChargingStationMaxProfile on the station and a TxDefaultProfile on <Configured evseId>. */
export interface TwoProfiles {
  readonly stationMax: { readonly evseId: 0; readonly profile: ChargingProfile };
  readonly txDefault: { readonly evseId: number; readonly profile: ChargingProfile };
}

/**
 * Before (memory state) of the K09 cases: <Generated Id1> (<Configured chargingProfileId> + 1) a ChargingStationMaxProfile
 * on the station and <Generated Id2> (+ 2) a TxDefaultProfile on <Configured evseId>, at the stack levels given.
 */
export async function twoProfilesInstalled(ctx: CsCaseContext, stackLevels: { readonly stationMax?: number; readonly txDefault?: number } = {}): Promise<TwoProfiles> {
  const base = ctx.config.configured.chargingProfile.id;
  const stationMax = { evseId: 0 as const, profile: buildProfile(ctx.config, { id: base + 1, purpose: 'ChargingStationMaxProfile', stackLevel: stackLevels.stationMax ?? 0, periods: [[0, 16]] }) };
  const txDefault = { evseId: ctx.config.configured.evseId, profile: buildProfile(ctx.config, { id: base + 2, purpose: 'TxDefaultProfile', stackLevel: stackLevels.txDefault ?? 0 }) };
  await profileInstalled(ctx, 'Before: a ChargingStationMaxProfile (Id1) is installed on the station', 0, stationMax.profile);
  await profileInstalled(ctx, 'Before: a TxDefaultProfile (Id2) is installed on the configured EVSE', txDefault.evseId, txDefault.profile);
  return { stationMax, txDefault };
}

/** A step: the harness sends GetCompositeScheduleRequest the station cannot answer (K08.FR.05, K08.FR.07); it must answer Rejected without a schedule. */
export async function compositeScheduleRefused(ctx: CsCaseContext, title: string, request: OcppRequests['GetCompositeSchedule']): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('GetCompositeSchedule', request);
    ctx.check.equal('GetCompositeScheduleResponse.status', response.status, 'Rejected');
    ctx.check.equal('GetCompositeScheduleResponse.schedule', response.schedule, undefined);
  });
}

/** Seconds from a composite schedule's start to `seconds` after `from` (an ISO date-time, e.g. a profile's startSchedule): where Part 6's "t - x" falls. */
export const offsetIn = (composite: Composite, from: string, seconds: number): number => (Date.parse(from) + seconds * 1000 - composite.start) / 1000;
