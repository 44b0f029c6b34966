// Checks the reference station's composite schedule (K08) against the stacking and combining rules of Part 2 K01 / K08, with the profiles of TC_K_40_CS and TC_K_41_CS.
import { compositeSchedule, convertLimit, type InstalledProfile } from '../../src/reference/station/composite-schedule';
import type { ChargingProfileType } from '../../src/ocpp/generated/definitions';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const iso = (offsetS: number) => new Date(T0 + offsetS * 1000).toISOString();

function profile(id: number, purpose: ChargingProfileType['chargingProfilePurpose'], stackLevel: number, periods: [number, number][], extra: Partial<ChargingProfileType> & { duration?: number; startOffset?: number } = {}): ChargingProfileType {
  const { duration, startOffset, ...rest } = extra;
  return {
    id,
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: 'Absolute',
    chargingSchedule: [{ id, startSchedule: iso(startOffset ?? 0), ...(duration === undefined ? {} : { duration }), chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) as never }],
    ...rest,
  };
}

const on = (evseId: number, p: ChargingProfileType): InstalledProfile => ({ evseId, profile: p, source: 'CSO' });
const periods = (profiles: InstalledProfile[], evseId = 1, durationSeconds = 400, transactions = new Map()) =>
  compositeSchedule({ profiles, evseId, evseIds: [1, 2], start: T0, durationSeconds, rateUnit: 'A', transactions, localLimitAmps: 32 }).chargingSchedulePeriod.map((p) => [p.startPeriod, p.limit]);

describe('compositeSchedule', () => {
  it('gives the local limit without profiles', () => {
    expect(periods([])).toEqual([[0, 32]]);
    expect(periods([], 0)).toEqual([[0, 64]]);
  });

  it('lets the higher stack level prevail while it runs (TC_K_40_CS)', () => {
    const low = profile(1, 'TxDefaultProfile', 0, [[0, 6], [100, 8], [200, 10]], { duration: 400 });
    const high = profile(2, 'TxDefaultProfile', 1, [[0, 7], [100, 9]], { duration: 150 });
    expect(periods([on(1, low), on(1, high)], 1, 350)).toEqual([[0, 7], [100, 9], [150, 8], [200, 10]]);
    expect(compositeSchedule({ profiles: [on(1, low), on(1, high)], evseId: 1, evseIds: [1], start: T0, durationSeconds: 350, rateUnit: 'A', transactions: new Map(), localLimitAmps: 32, quirks: { lowestStackLevel: true } }).chargingSchedulePeriod[0].limit).toBe(6);
  });

  it('combines ChargingStationMaxProfile, TxProfile and TxDefaultProfile (TC_K_41_CS)', () => {
    const max = profile(1, 'ChargingStationMaxProfile', 0, [[0, 10]], { duration: 86400 });
    const txDefault = profile(2, 'TxDefaultProfile', 0, [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]], { duration: 300 });
    const tx = profile(3, 'TxProfile', 0, [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]], { duration: 260, transactionId: 'T1' });
    const transactions = new Map([[1, { id: 'T1', startedAt: T0 }]]);
    expect(periods([on(0, max), on(1, txDefault), on(1, tx)], 1, 400, transactions)).toEqual([[0, 8], [50, 10], [200, 6], [240, 10], [260, 8], [300, 10]]);
  });

  it('honours validFrom, validTo and a startSchedule ahead (TC_K_21_CS to TC_K_23_CS)', () => {
    const relative = { ...profile(1, 'TxDefaultProfile', 0, [[0, 6]]), chargingProfileKind: 'Relative' as const, validFrom: iso(300) };
    delete relative.chargingSchedule[0].startSchedule;
    expect(periods([on(1, relative)])).toEqual([[0, 32], [300, 6]]);
    expect(periods([on(0, profile(2, 'TxDefaultProfile', 0, [[0, 6]], { validTo: iso(300) }))], 0)).toEqual([[0, 12], [300, 64]]);
    expect(periods([on(1, profile(3, 'TxDefaultProfile', 0, [[0, 6]], { startOffset: 60 }))], 1, 300)).toEqual([[0, 32], [60, 6]]);
  });

  it('repeats a Recurring schedule every day', () => {
    const daily = { ...profile(1, 'TxDefaultProfile', 0, [[0, 6]], { duration: 3600, startOffset: -86400 + 100 }), chargingProfileKind: 'Recurring' as const, recurrencyKind: 'Daily' as const };
    expect(periods([on(1, daily)], 1, 400)).toEqual([[0, 32], [100, 6]]);
  });

  it('turns amperes into watts over the phases', () => {
    expect(convertLimit(6, 'A', 'W', 3)).toBe(4140);
    expect(convertLimit(4140, 'W', 'A', 3)).toBe(6);
  });
});
