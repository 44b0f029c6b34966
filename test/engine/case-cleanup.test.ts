// Case isolation and clean-up: what a case defers runs however it ends, and a clean-up problem is a warning, never the verdict.
import { defineTestCase } from '../../src/engine/testcase';
import { sutFailed } from '../../src/engine/verdict';
import { summarizeRun } from '../../src/report/summary';
import { scriptedRun, type ScriptedRun } from '../peers/scripted-station';

jest.setTimeout(20_000);

const cleanupLog: string[] = [];

/** A probe case whose Part 6 steps pass and whose clean-up fails. */
const passesButCleanupFails = defineTestCase({
  id: 'TC_P_93_CS',
  name: 'probe: clean-up that fails',
  sut: 'CS',
  useCases: ['B06'],
  requirements: [],
  detects: [],
  async run(ctx) {
    ctx.defer('first registered', () => void cleanupLog.push('first'));
    ctx.defer('undo a setting', () => {
      throw new Error('the station did not answer SetVariables');
    });
    const read = await ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
    ctx.check.equal('status', read.getVariableResult[0].attributeStatus, 'Accepted');
  },
});

/** A probe case that fails, with clean-up registered before. */
const failsWithCleanup = defineTestCase({
  id: 'TC_P_94_CS',
  name: 'probe: failing case with clean-up',
  sut: 'CS',
  useCases: ['B06'],
  requirements: [],
  detects: [],
  async run(ctx) {
    ctx.defer('mark', () => void cleanupLog.push('ran after failure'));
    throw sutFailed('OCPPCT_VALIDATION', 'a Part 6 validation failed');
  },
});

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  cleanupLog.length = 0;
});

test('a case whose steps pass passes, and its failed clean-up is a warning in the summary', async () => {
  run = await scriptedRun({});
  const result = await run.run(passesButCleanupFails);
  expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
  expect(result.warnings).toEqual(['clean-up "undo a setting" failed: the station did not answer SetVariables']);
  expect(cleanupLog).toEqual(['first']); // newest first, and one failing does not stop the others
  const summary = summarizeRun({ info: { runId: 'r', toolVersion: 't', sut: 'CS', target: 'listen', profiles: [], startedAt: result.startedAt, outDir: '' }, cases: [result], durationMs: 1 });
  expect(summary.cases[0].warnings).toEqual(result.warnings);
});

test('clean-up runs when the case fails, and the verdict stays the case’s own', async () => {
  run = await scriptedRun({});
  const result = await run.run(failsWithCleanup);
  expect(`${result.verdict}: ${result.reason}`).toBe('failed: a Part 6 validation failed');
  expect(cleanupLog).toEqual(['ran after failure']);
});
