// The self-test, shared by the files that split it by side and block: every case passes against the reference SUT and fails against each fault it declares.
import { faultsOf } from '../../src/reference/faults';
import { runAgainstReference, selfTestMatrix } from '../../src/engine/selftest';
import type { SutRole } from '../../src/engine/results';

/** Declares the self-test of every implemented case of `sut` whose block is in `blocks` (cases run concurrently: each has its own lane). */
export function describeSelfTest(sut: SutRole, blocks: RegExp): void {
  const matrix = selfTestMatrix().filter(({ testCase }) => testCase.sut === sut && blocks.test(testCase.info.block));
  describe.each(matrix.map(({ testCase, faults }) => [testCase.id, testCase, faults] as const))('%s', (_id, testCase, faults) => {
    test('declares at least one fault, each from its side’s catalogue', () => {
      expect(faults.length).toBeGreaterThan(0);
      for (const fault of faults) expect(Object.keys(faultsOf(testCase.sut))).toContain(fault);
    });

    test.concurrent('passes against the reference SUT, exchanging frames in both directions', async () => {
      const result = await runAgainstReference(testCase);
      expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
      expect(result.frames.some((f) => f.direction === 'in')).toBe(true);
      expect(result.frames.some((f) => f.direction === 'out')).toBe(true);
      expect(result.frames.filter((f) => f.problem)).toEqual([]);
    });

    test.concurrent.each(faults.map((fault) => [fault]))('fails against fault %s', async (fault) => {
      const result = await runAgainstReference(testCase, fault);
      expect(`${result.verdict}: ${result.reason}`).toMatch(/^failed: /);
    });
  });
}
