// Checks the reporter set: standard order, isolation of failing reporters, and the union of written files.
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from '../../src/engine/results';
import { combineReporters, createReporters } from '../../src/report';
import { CaptureStream, CASES, sampleRun, tempOutDir } from './fixture';

/** A reporter that logs its calls into `log` and returns `paths` from onRunEnd. */
function recorder(name: string, log: string[], paths: string[]): Reporter & { name: string } {
  return {
    name,
    onCaseEnd: (result) => void log.push(`${name}:${result.info.id}`),
    onRunEnd: async () => {
      log.push(`${name}:end`);
      return paths;
    },
  };
}

describe('createReporters', () => {
  it('lists the reporters in the order they must run', () => {
    const names = (options: Parameters<typeof createReporters>[0]) => createReporters(options).map((r) => r.name);
    expect(names({ outDir: '/x', html: true })).toEqual(['console', 'summary', 'junit', 'messages', 'allure', 'allure-html']);
    expect(names({ outDir: '/x', html: false, console: false })).toEqual(['summary', 'junit', 'messages', 'allure']);
  });

  it('writes every output of a run through the combination', async () => {
    const outDir = await tempOutDir();
    try {
      const stream = new CaptureStream();
      const set = combineReporters(createReporters({ outDir, html: false, console: stream }));
      const run = sampleRun(outDir);
      await set.onRunBegin(run.info, CASES.map((c) => c.info));
      for (const c of CASES) await set.onCaseEnd(c);
      const written = await set.onRunEnd(run);
      expect(set.errors).toEqual([]);
      expect(written).toEqual(expect.arrayContaining([join(outDir, 'summary.json'), join(outDir, 'junit.xml'), join(outDir, 'messages', 'TC_B_01_CS.jsonl')]));
      expect(written.filter((p) => p.endsWith('-result.json'))).toHaveLength(4);
      await Promise.all(written.map((p) => access(p)));
      expect(stream.text).toContain('TC_B_01_CS');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('combineReporters', () => {
  it('keeps running the other reporters when one throws or rejects, and records why', async () => {
    const log: string[] = [];
    const warnings = new CaptureStream();
    const throwing: Reporter & { name: string } = {
      name: 'broken',
      onCaseEnd: () => {
        throw new Error('disk full');
      },
      onRunEnd: () => Promise.reject(new Error('still full')),
    };
    const set = combineReporters([recorder('a', log, ['/a', '/shared']), throwing, {}, recorder('b', log, ['/shared', '/b'])], warnings);
    const run = sampleRun('/unused');
    await set.onCaseEnd(CASES[0]);
    await set.onCaseEnd(CASES[1]);
    const written = await set.onRunEnd(run);

    expect(log).toEqual(['a:TC_B_01_CS', 'b:TC_B_01_CS', 'a:TC_B_02_CS', 'b:TC_B_02_CS', 'a:end', 'b:end']);
    expect(written).toEqual(['/a', '/shared', '/b']);
    expect(set.errors).toEqual([
      { reporter: 'broken', hook: 'onCaseEnd', error: 'disk full' },
      { reporter: 'broken', hook: 'onCaseEnd', error: 'disk full' },
      { reporter: 'broken', hook: 'onRunEnd', error: 'still full' },
    ]);
    expect(warnings.text.trim().split('\n')).toEqual([
      'warning: reporter broken failed in onCaseEnd: disk full',
      'warning: reporter broken failed in onRunEnd: still full',
    ]);
  });

  it('names unnamed reporters by position and accepts hooks a reporter lacks', async () => {
    const set = combineReporters(
      [
        {},
        {
          onFrame: () => {
            throw 'not an Error';
          },
        },
      ],
      new CaptureStream(),
    );
    // Frames are fanned out at once, never awaited: a throwing reporter is recorded, the call returns nothing.
    expect(set.onFrame('TC', CASES[0].frames[0])).toBeUndefined();
    await expect(set.onRunEnd(sampleRun('/unused'))).resolves.toEqual([]);
    expect(set.errors).toEqual([{ reporter: 'reporter #2', hook: 'onFrame', error: 'not an Error' }]);
  });
});
