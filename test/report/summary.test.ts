// Checks summary.json carries the run facts, the verdict counts and one entry per case.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createSummaryReporter } from '../../src/report/summary';
import { sampleRun, tempOutDir } from './fixture';

describe('summary reporter', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await tempOutDir();
  });
  afterEach(() => rm(outDir, { recursive: true, force: true }));

  it('writes counts, run facts and cases', async () => {
    const written = await createSummaryReporter(outDir).onRunEnd?.(sampleRun(outDir));
    expect(written).toEqual([join(outDir, 'summary.json')]);
    const summary = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      toolVersion: '0.1.0',
      runId: 'run-1',
      sut: 'CS',
      target: 'ws://127.0.0.1:9000',
      fault: 'reject-boot',
      profiles: ['core'],
      startedAt: '2024-05-01T10:00:00.000Z',
      durationMs: 31000,
      counts: { passed: 1, failed: 1, inconclusive: 1, notApplicable: 1, error: 0 },
    });
    expect(summary.cases).toHaveLength(4);
    expect(summary.cases[0]).toEqual({
      id: 'TC_B_01_CS',
      name: 'Cold Boot Charging Station - Accepted',
      verdict: 'passed',
      durationMs: 42,
      reason: 'all validations held',
    });
    expect(summary.cases.map((c: { verdict: string }) => c.verdict)).toEqual(['passed', 'failed', 'inconclusive', 'notApplicable']);
  });

  it('leaves fault out when no fault was injected', async () => {
    const run = sampleRun(outDir);
    await createSummaryReporter(outDir).onRunEnd?.({ ...run, info: { ...run.info, fault: undefined } });
    const summary = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'));
    expect('fault' in summary).toBe(false);
  });
});
