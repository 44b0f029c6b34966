// Checks that the notImplemented verdict reaches every reporter as what it is: never passed nor skipped (a run with one exits 1), and counted on its own.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestResult } from 'allure-js-commons';
import type { CaseResult, RunResult } from '../../src/engine/results';
import { allureResultsDir, createAllureReporter } from '../../src/report/allure';
import { createConsoleReporter } from '../../src/report/console';
import { junitXml } from '../../src/report/junit';
import { summarizeRun } from '../../src/report/summary';
import { CaptureStream, sampleRun, tempOutDir } from './fixture';

const notImplemented: CaseResult = {
  info: { id: 'TC_B_06_CS', name: 'Get Variables - single value', sut: 'CS', block: 'B', useCases: ['B06'], requirements: ['B06.FR.01'], detects: [] },
  verdict: 'notImplemented',
  reason: 'no script yet (testcases/cs/B/TC_B_06_CS.ts); required by core: mandatory',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 0,
  steps: [],
  frames: [],
  connectionEvents: [],
  prompts: [],
};

/** The sample run with the notImplemented case added. */
function run(outDir: string): RunResult {
  const sample = sampleRun(outDir);
  return { ...sample, cases: [...sample.cases, notImplemented] };
}

describe('the notImplemented verdict', () => {
  it('is counted on its own in summary.json', () => {
    const summary = summarizeRun(run('/unused'));
    expect(summary.counts).toEqual({ passed: 1, failed: 1, inconclusive: 1, notApplicable: 1, error: 0, notImplemented: 1, notRun: 0 });
    expect(summary.cases.at(-1)).toMatchObject({ id: 'TC_B_06_CS', verdict: 'notImplemented', reason: notImplemented.reason });
  });

  it('is a JUnit failure with its reason, so CI turns red exactly when the run exits 1', () => {
    const xml = junitXml(run('/unused'));
    expect(xml).toMatch(/<testsuite name="CS · B Provisioning" tests="4" failures="2" errors="1" skipped="0"/); // one failed, one notImplemented
    expect(xml).toContain(`<testcase classname="B" name="TC_B_06_CS Get Variables - single value" time="0.000"><failure message="not implemented: ${notImplemented.reason}" type="notImplemented">`);
  });

  it('is a broken Allure result labelled notImplemented, never skipped, in its own category', async () => {
    const outDir = await tempOutDir();
    try {
      await createAllureReporter(outDir, { 'sut.vendor': 'ACME' }).onRunEnd?.(run(outDir));
      const dir = allureResultsDir(outDir);
      const results = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as TestResult));
      const result = results.find((r) => r.fullName === 'TC_B_06_CS') as TestResult;
      expect(result.status).toBe('broken');
      expect(result.statusDetails.message).toBe(`[not implemented] ${notImplemented.reason}`);
      const categories = JSON.parse(await readFile(join(dir, 'categories.json'), 'utf8')) as { name: string; messageRegex?: string }[];
      const category = categories.find((c) => c.messageRegex && new RegExp(`^${c.messageRegex}$`).test(result.statusDetails.message ?? ''));
      expect(category?.name).toMatch(/^Not implemented/);
      expect(result.labels).toEqual(expect.arrayContaining([{ name: 'verdict', value: 'notImplemented' }, { name: 'epic', value: 'Core' }, { name: 'feature', value: 'B Provisioning' }, { name: 'story', value: 'B06' }, { name: 'tag', value: 'B06.FR.01' }]));
      expect(await readFile(join(dir, 'environment.properties'), 'utf8')).toContain('sut.vendor=ACME');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('is one console line (its reason adds nothing) and has its own count', async () => {
    const stream = new CaptureStream();
    const reporter = createConsoleReporter(stream);
    await reporter.onCaseEnd?.(notImplemented);
    await reporter.onRunEnd?.(run('/unused'));
    const lines = stream.text.split('\n');
    expect(lines[0]).toBe('○ notImplemented  TC_B_06_CS  Get Variables - single value (0 ms)');
    expect(lines[1]).toBe('');
    expect(lines).toContain('5 case(s): 1 passed, 1 failed, 1 inconclusive, 1 notApplicable, 0 error, 1 notImplemented in 31.0 s');
  });
});
