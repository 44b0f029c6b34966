// The self-test, shared by the files that split it by side and block: every case passes against the reference SUT and fails against each fault it declares.
import { faultsOf } from '../../src/reference/faults';
import { referenceLaneCount } from '../../src/engine/lanes';
import { runAgainstReference, selfTestMatrix } from '../../src/engine/selftest';
import type { SutRole } from '../../src/engine/results';

/**
 * How the self-test is split into jest files: by side and block range, each file small enough to finish well within
 * 3 minutes on a loaded 2-core machine (jest runs several files at once, one worker each). A new block goes in a range
 * here; catalogue.test.ts checks that every implemented case is in exactly one file.
 */
export const SELF_TEST_FILES: Readonly<Record<string, { readonly sut: SutRole; readonly blocks: RegExp }>> = {
  'cs-a-b': { sut: 'CS', blocks: /^[AB]$/ },
  'cs-c-d': { sut: 'CS', blocks: /^[CD]$/ },
  'cs-e': { sut: 'CS', blocks: /^E$/ },
  'cs-f-j': { sut: 'CS', blocks: /^[F-J]$/ },
  'cs-k-p': { sut: 'CS', blocks: /^[K-P]$/ },
  'csms-a-c': { sut: 'CSMS', blocks: /^[A-C]$/ },
  'csms-d-p': { sut: 'CSMS', blocks: /^[D-P]$/ },
};

/** A run waits its turn here longer than a case may take, so the timeout of each test covers its wait for a lane. */
const SELF_TEST_TIMEOUT_MS = 180_000;

/**
 * At most `lanes` runs at once, each in a lane of its own with a fresh reference SUT: the self-test opens as many lanes
 * as a run of the same cases would (src/engine/lanes.ts).
 */
function lanePool(lanes: number): <T>(work: () => Promise<T>) => Promise<T> {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (busy >= lanes) await new Promise<void>((resolve) => waiting.push(resolve));
    else busy++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else busy--;
    }
  };
}

/**
 * Declares the self-test of one file of {@link SELF_TEST_FILES}: for each case, its faults' check and one test per run,
 * named after the case (so `-t TC_E_02_CS` picks one case). Every test sits in one describe block, because jest runs
 * concurrent tests side by side only within a block; the lane pool then keeps as many runs going as a run's lanes.
 */
export function describeSelfTest(file: keyof typeof SELF_TEST_FILES): void {
  const { sut, blocks } = SELF_TEST_FILES[file];
  const matrix = selfTestMatrix().filter(({ testCase }) => testCase.sut === sut && blocks.test(testCase.info.block));
  const inLane = lanePool(referenceLaneCount(matrix.reduce((runs, { faults }) => runs + 1 + faults.length, 0)));
  describe(`self-test ${file}`, () => {
    for (const { testCase, faults } of matrix) {
      test(`${testCase.id} declares at least one fault, each from its side’s catalogue`, () => {
        expect(faults.length).toBeGreaterThan(0);
        for (const fault of faults) expect(Object.keys(faultsOf(testCase.sut))).toContain(fault);
      });

      test.concurrent(
        `${testCase.id} passes against the reference SUT, exchanging frames in both directions`,
        async () => {
          const result = await inLane(() => runAgainstReference(testCase));
          expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
          expect(result.frames.some((f) => f.direction === 'in')).toBe(true);
          expect(result.frames.some((f) => f.direction === 'out')).toBe(true);
          expect(result.frames.filter((f) => f.problem)).toEqual([]);
          // A CALL a step took must be answered by the step (or left unanswered on purpose): the SUT would wait for it.
          expect((result.warnings ?? []).filter((w) => /did not answer it before the case ended/.test(w))).toEqual([]);
        },
        SELF_TEST_TIMEOUT_MS,
      );

      for (const fault of faults) {
        test.concurrent(
          `${testCase.id} fails against fault ${fault}`,
          async () => {
            const result = await inLane(() => runAgainstReference(testCase, fault));
            expect(`${result.verdict}: ${result.reason}`).toMatch(/^failed: /);
          },
          SELF_TEST_TIMEOUT_MS,
        );
      }
    }
  });
}
