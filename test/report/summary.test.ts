// Checks summary.json carries the run facts, the verdict counts and one entry per case.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createJunitReporter } from '../../src/report/junit';
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
      counts: { passed: 1, failed: 1, inconclusive: 1, notApplicable: 1, error: 0, notRun: 0 },
      state: 'finished',
      interrupted: false,
    });
    expect(summary.cases).toHaveLength(4);
    expect(summary.cases[0]).toEqual({
      id: 'TC_B_01_CS',
      name: 'Cold Boot Charging Station - Accepted',
      verdict: 'passed',
      durationMs: 42,
      reason: 'all validations held',
      startedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(summary.cases.map((c: { verdict: string }) => c.verdict)).toEqual(['passed', 'failed', 'inconclusive', 'notApplicable']);
  });

  it('leaves fault out when no fault was injected', async () => {
    const run = sampleRun(outDir);
    await createSummaryReporter(outDir).onRunEnd?.({ ...run, info: { ...run.info, fault: undefined } });
    const summary = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'));
    expect('fault' in summary).toBe(false);
  });

  it('is on disk from the start and rewritten after every case, the cases not reached listed as notRun', async () => {
    const run = sampleRun(outDir);
    const reporters = [createSummaryReporter(outDir), createJunitReporter(outDir)];
    const read = async () => JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'));
    for (const r of reporters) await r.onRunBegin?.(run.info, run.cases.map((c) => c.info));
    let summary = await read();
    expect(summary).toMatchObject({ state: 'running', interrupted: false, counts: { notRun: 4 } });
    for (const r of reporters) await r.onCaseEnd?.(run.cases[1]);
    summary = await read();
    expect(summary.cases.map((c: { id: string; verdict: string }) => `${c.id} ${c.verdict}`)).toEqual(['TC_B_01_CS notRun', 'TC_B_02_CS failed', 'TC_B_03_CS notRun', 'TC_C_01_CS notRun']);
    const junit = await readFile(join(outDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<property name="state" value="running"/>');
    expect(junit.match(/<skipped message="notRun: /g)).toHaveLength(3);
    // The end of an interrupted run: its state, and the notRun case in every file.
    const cases = [...run.cases.slice(0, 3), { ...run.cases[3], verdict: 'notRun' as const, reason: 'not run: the run was interrupted (SIGTERM) before this case began' }];
    for (const r of reporters) await r.onRunEnd?.({ ...run, cases, interrupted: true });
    summary = await read();
    expect(summary).toMatchObject({ state: 'interrupted', interrupted: true, counts: { notRun: 1, passed: 1 } });
    expect(await readFile(join(outDir, 'junit.xml'), 'utf8')).toContain('<skipped message="notRun: not run: the run was interrupted (SIGTERM) before this case began" type="notRun"/>');
  });
});
