// The lane count of runs against the reference SUTs: 8-16 picked from the case count and the CPUs, a configured count taken as given.
import { knownCaseTimes, longestFirst, MAX_REFERENCE_LANES, MIN_REFERENCE_LANES, referenceLaneCount } from '../../src/engine/lanes';

describe('referenceLaneCount', () => {
  test('a single case, or none, gets one lane', () => {
    expect(referenceLaneCount(0)).toBe(1);
    expect(referenceLaneCount(1)).toBe(1);
  });

  test('never more lanes than cases', () => {
    expect(referenceLaneCount(3, 0, 2)).toBe(3);
    expect(referenceLaneCount(5, 12, 8)).toBe(5);
  });

  test('a full suite gets 8 to 16 lanes, more with more CPUs', () => {
    expect(referenceLaneCount(400, 0, 1)).toBe(MIN_REFERENCE_LANES);
    expect(referenceLaneCount(400, 0, 2)).toBe(MAX_REFERENCE_LANES);
    expect(referenceLaneCount(400, 0, 64)).toBe(MAX_REFERENCE_LANES);
  });

  test('a mid-sized selection gets about one lane per 8 cases, at least 8', () => {
    expect(referenceLaneCount(40, 0, 8)).toBe(MIN_REFERENCE_LANES);
    expect(referenceLaneCount(100, 0, 8)).toBe(13);
  });

  test('a lane count from the run config is taken as given', () => {
    expect(referenceLaneCount(400, 2, 2)).toBe(2);
    expect(referenceLaneCount(400, 16, 1)).toBe(16);
  });
});

describe('longestFirst', () => {
  const cases = [{ id: 'TC_A_01_CS' }, { id: 'TC_E_41_CS' }, { id: 'TC_B_01_CS' }, { id: 'TC_J_06_CS' }];

  test('the longest known cases go first, unknown ones count as a second, ties keep their order', () => {
    expect(longestFirst(cases, { TC_E_41_CS: 13_000, TC_J_06_CS: 9_000, TC_B_01_CS: 50 })).toEqual([1, 3, 0, 2]);
  });

  test('without measured times the order stays as given', () => {
    expect(longestFirst(cases, {})).toEqual([0, 1, 2, 3]);
  });

  test('a missing or unreadable times file means no measured times', () => {
    expect(knownCaseTimes('/nonexistent/case-times.json')).toEqual({});
  });
});
