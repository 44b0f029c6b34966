/** Why: K08 GetCompositeSchedule is arithmetic over the installed charging profiles; kept as a pure function so it can be tested apart from the station. */
import type { ChargingProfileType, ChargingRateUnitEnumType, ChargingSchedulePeriodType, CompositeScheduleType } from '../../ocpp/generated/definitions';

/** Where a charging limit came from (ChargingLimitSourceEnumType). */
export type ChargingLimitSource = 'EMS' | 'Other' | 'SO' | 'CSO';

/** A charging profile as the station holds it: on which EVSE (0: the station) and who set it. */
export interface InstalledProfile {
  readonly evseId: number;
  readonly profile: ChargingProfileType;
  readonly source: ChargingLimitSource;
}

/** The transaction running on an EVSE: its id and when it started (ms since epoch; Relative schedules count from it). */
export interface RunningTransaction {
  readonly id: string;
  readonly startedAt: number;
}

/** Deliberate departures from K08 the reference faults switch on. */
export interface CompositeQuirks {
  /** Takes the lowest stack level of a purpose instead of the highest (breaks K01.FR.17). */
  readonly lowestStackLevel?: boolean;
  /** Leaves ChargingStationMaxProfile out of the EVSE's schedule (breaks K08.FR.04). */
  readonly ignoreStationMax?: boolean;
}

/** What a composite schedule is computed from. */
export interface CompositeInput {
  readonly profiles: readonly InstalledProfile[];
  /** The EVSE asked for (0: the whole station, K08.FR.03). */
  readonly evseId: number;
  /** Every EVSE of the station. */
  readonly evseIds: readonly number[];
  /** When the schedule starts (ms since epoch): the moment the request came in (K08.FR.02). */
  readonly start: number;
  readonly durationSeconds: number;
  readonly rateUnit: ChargingRateUnitEnumType;
  /** Transactions by EVSE id. */
  readonly transactions: ReadonlyMap<number, RunningTransaction>;
  /** What one EVSE can deliver without any profile, in A per phase. */
  readonly localLimitAmps: number;
  readonly quirks?: CompositeQuirks;
}

/** Nominal phase voltage used to turn A into W and back (K01.FR.50). */
export const LINE_VOLTAGE_V = 230;
/** Phases assumed when a period names none (K01.FR.49). */
const DEFAULT_PHASES = 3;
const RECURRENCE_MS = { Daily: 86_400_000, Weekly: 604_800_000 } as const;

/** A limit in `unit`, from a period's limit in `from` (A per phase or W over its phases). */
export function convertLimit(limit: number, from: ChargingRateUnitEnumType, unit: ChargingRateUnitEnumType, phases = DEFAULT_PHASES): number {
  if (from === unit) return limit;
  return from === 'A' ? limit * LINE_VOLTAGE_V * phases : limit / (LINE_VOLTAGE_V * phases);
}

/** When the schedule of `profile` started, as seen at `t` (undefined: it has not started). Relative schedules count from `relativeStart`. */
function scheduleStart(profile: ChargingProfileType, t: number, relativeStart: number): number | undefined {
  const schedule = profile.chargingSchedule[0];
  if (profile.chargingProfileKind === 'Relative') return relativeStart;
  const first = schedule.startSchedule === undefined ? NaN : Date.parse(schedule.startSchedule);
  if (!Number.isFinite(first)) return undefined;
  if (profile.chargingProfileKind === 'Recurring') {
    const period = RECURRENCE_MS[profile.recurrencyKind ?? 'Daily'];
    if (t < first) return undefined;
    return first + Math.floor((t - first) / period) * period;
  }
  return first;
}

/** The limit `profile` imposes at `t` in `unit`, or undefined when it imposes none then (not valid, not started, past its duration). */
function limitAt(profile: ChargingProfileType, t: number, relativeStart: number, unit: ChargingRateUnitEnumType): number | undefined {
  if (profile.validFrom !== undefined && t < Date.parse(profile.validFrom)) return undefined;
  if (profile.validTo !== undefined && t >= Date.parse(profile.validTo)) return undefined;
  const start = scheduleStart(profile, t, relativeStart);
  if (start === undefined || t < start) return undefined;
  const schedule = profile.chargingSchedule[0];
  const elapsed = (t - start) / 1000;
  if (schedule.duration !== undefined && elapsed >= schedule.duration) return undefined;
  let current: ChargingSchedulePeriodType | undefined;
  for (const period of schedule.chargingSchedulePeriod) if (period.startPeriod <= elapsed) current = period;
  return current && convertLimit(current.limit, schedule.chargingRateUnit, unit, current.numberPhases);
}

/** Every moment in the window at which `profile` may change what it imposes. */
function changesOf(profile: ChargingProfileType, relativeStart: number, from: number, to: number): number[] {
  const times: number[] = [];
  if (profile.validFrom !== undefined) times.push(Date.parse(profile.validFrom));
  if (profile.validTo !== undefined) times.push(Date.parse(profile.validTo));
  const schedule = profile.chargingSchedule[0];
  const starts: number[] = [];
  if (profile.chargingProfileKind === 'Recurring') {
    const first = scheduleStart(profile, Math.max(from, Date.parse(schedule.startSchedule ?? '')), relativeStart);
    const period = RECURRENCE_MS[profile.recurrencyKind ?? 'Daily'];
    for (let s = first; s !== undefined && s <= to; s += period) starts.push(s);
  } else {
    const start = scheduleStart(profile, from, relativeStart);
    if (start !== undefined) starts.push(start);
  }
  for (const start of starts) {
    for (const period of schedule.chargingSchedulePeriod) times.push(start + period.startPeriod * 1000);
    if (schedule.duration !== undefined) times.push(start + schedule.duration * 1000);
  }
  return times;
}

/** The limit of the prevailing profile of `candidates` at `t` (highest stack level, K01.FR.17), if any imposes one. */
function prevailing(candidates: readonly InstalledProfile[], t: number, relativeStart: number, unit: ChargingRateUnitEnumType, quirks: CompositeQuirks): number | undefined {
  const ordered = [...candidates].sort((a, b) => (quirks.lowestStackLevel ? a.profile.stackLevel - b.profile.stackLevel : b.profile.stackLevel - a.profile.stackLevel));
  for (const { profile } of ordered) {
    const limit = limitAt(profile, t, relativeStart, unit);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

const minOf = (...limits: (number | undefined)[]): number | undefined => {
  const present = limits.filter((l): l is number => l !== undefined);
  return present.length ? Math.min(...present) : undefined;
};

/**
 * The composite schedule of K08: for each moment of the window, the lowest of the ChargingStationMaxProfile, the
 * ChargingStationExternalConstraints and the transaction's limit (its TxProfile, else the TxDefaultProfile of its EVSE or
 * of EVSE 0, K01.FR.14), each purpose taking its highest valid stack level; the station's own limit where none applies.
 * With no transaction an EVSE is computed as if one started now (K08.FR.06). EVSE 0 is the whole station: the sum of
 * its EVSEs under its own maximum (K08.FR.03). Periods with the same limit are merged.
 */
export function compositeSchedule(input: CompositeInput): CompositeScheduleType {
  const { profiles, start, durationSeconds, rateUnit } = input;
  const quirks = input.quirks ?? {};
  const end = start + durationSeconds * 1000;
  const local = convertLimit(input.localLimitAmps, 'A', rateUnit);
  const relativeStartOf = (evseId: number): number => input.transactions.get(evseId)?.startedAt ?? start;
  const ofPurpose = (purpose: ChargingProfileType['chargingProfilePurpose'], where: (p: InstalledProfile) => boolean) => profiles.filter((p) => p.profile.chargingProfilePurpose === purpose && where(p));
  const stationWide = (purpose: ChargingProfileType['chargingProfilePurpose']) => ofPurpose(purpose, (p) => p.evseId === 0);

  const evseLimit = (evseId: number, t: number): number => {
    const relative = relativeStartOf(evseId);
    const tx = input.transactions.get(evseId);
    const txLimit = tx ? prevailing(ofPurpose('TxProfile', (p) => p.evseId === evseId && p.profile.transactionId === tx.id), t, relative, rateUnit, quirks) : undefined;
    const defaultLimit = prevailing(ofPurpose('TxDefaultProfile', (p) => p.evseId === evseId || p.evseId === 0), t, relative, rateUnit, quirks);
    const external = prevailing(ofPurpose('ChargingStationExternalConstraints', (p) => p.evseId === evseId), t, relative, rateUnit, quirks);
    return minOf(txLimit ?? defaultLimit ?? local, local, external) as number;
  };
  const stationLimits = (t: number): (number | undefined)[] => [
    quirks.ignoreStationMax && input.evseId !== 0 ? undefined : prevailing(stationWide('ChargingStationMaxProfile'), t, start, rateUnit, quirks),
    prevailing(stationWide('ChargingStationExternalConstraints'), t, start, rateUnit, quirks),
  ];
  const limitAtTime = (t: number): number =>
    input.evseId === 0
      ? (minOf(input.evseIds.reduce((sum, id) => sum + evseLimit(id, t), 0), ...stationLimits(t)) as number)
      : (minOf(evseLimit(input.evseId, t), ...stationLimits(t)) as number);

  const moments = new Set<number>([start]);
  for (const installed of profiles) for (const t of changesOf(installed.profile, relativeStartOf(installed.evseId), start, end)) if (t > start && t < end) moments.add(t);
  const periods: ChargingSchedulePeriodType[] = [];
  for (const t of [...moments].sort((a, b) => a - b)) {
    const startPeriod = Math.round((t - start) / 1000);
    const limit = Math.round(limitAtTime(t) * 10) / 10;
    const last = periods[periods.length - 1];
    if (last && last.startPeriod === startPeriod) last.limit = limit;
    else if (!last || last.limit !== limit) periods.push({ startPeriod, limit });
  }
  // A change that moved a period onto the previous one's limit leaves two equal neighbours: merge them.
  const merged = periods.filter((p, i) => i === 0 || p.limit !== periods[i - 1].limit);
  return { evseId: input.evseId, duration: durationSeconds, scheduleStart: new Date(start).toISOString(), chargingRateUnit: rateUnit, chargingSchedulePeriod: merged as [ChargingSchedulePeriodType, ...ChargingSchedulePeriodType[]] };
}
