// The self-test: every case passes against the reference SUT and fails against every fault it declares.
import { faultsOf } from '../src/reference/faults';
import { runAgainstReference, selfTestMatrix } from '../src/engine/selftest';

const matrix = selfTestMatrix();

test('cases are implemented on both sides', () => {
  expect(matrix.some(({ testCase }) => testCase.sut === 'CS')).toBe(true);
  expect(matrix.some(({ testCase }) => testCase.sut === 'CSMS')).toBe(true);
});

describe.each(matrix.map(({ testCase, faults }) => [testCase.id, testCase, faults] as const))('%s', (_id, testCase, faults) => {
  test('declares at least one fault, each from its side’s catalogue', () => {
    expect(faults.length).toBeGreaterThan(0);
    for (const fault of faults) expect(Object.keys(faultsOf(testCase.sut))).toContain(fault);
  });

  test('passes against the reference SUT, exchanging frames in both directions', async () => {
    const result = await runAgainstReference(testCase);
    expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
    expect(result.frames.some((f) => f.direction === 'in')).toBe(true);
    expect(result.frames.some((f) => f.direction === 'out')).toBe(true);
    expect(result.frames.filter((f) => f.problem)).toEqual([]);
  });

  test.each(faults.map((fault) => [fault]))('fails against fault %s', async (fault) => {
    const result = await runAgainstReference(testCase, fault);
    expect(`${result.verdict}: ${result.reason}`).toMatch(/^failed: /);
  });
});
