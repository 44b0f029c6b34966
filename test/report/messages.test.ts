// Checks messages/<case>.jsonl holds every frame in order with connection events merged in by time.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { caseTimeline, createMessagesReporter } from '../../src/report/messages';
import { CASES, sampleRun, tempOutDir } from './fixture';

/** The parsed lines of a case's message log. */
async function readJsonl(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

describe('messages reporter', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await tempOutDir();
  });
  afterEach(() => rm(outDir, { recursive: true, force: true }));

  it('writes one jsonl per case with frames and connection events', async () => {
    const written = await createMessagesReporter(outDir).onRunEnd?.(sampleRun(outDir));
    const dir = join(outDir, 'messages');
    expect(written).toHaveLength(4);
    expect((await readdir(dir)).sort()).toEqual(['TC_B_01_CS.jsonl', 'TC_B_02_CS.jsonl', 'TC_B_03_CS.jsonl', 'TC_C_01_CS.jsonl']);

    const boot = await readJsonl(join(dir, 'TC_B_01_CS.jsonl'));
    expect(boot.map((e) => (e.kind === 'frame' ? `frame${e.index}` : e.event))).toEqual(['opened', 'frame0', 'frame1', 'frame2', 'closed']);
    expect(boot[3]).toMatchObject({ kind: 'frame', raw: '[2,"m2","StatusNotification",{"note":"<script>alert(1)</script> ]]>"}]', action: 'StatusNotification' });

    expect(await readJsonl(join(dir, 'TC_B_02_CS.jsonl'))).toHaveLength(1);
    expect(await readJsonl(join(dir, 'TC_B_03_CS.jsonl'))).toEqual([{ kind: 'connection', at: '2024-05-01T10:00:20.000Z', connection: 'c2', event: 'refused', detail: 'ECONNREFUSED' }]);
    expect(await readFile(join(dir, 'TC_C_01_CS.jsonl'), 'utf8')).toBe('');
  });

  it('never reorders frames, even with timestamps out of order', () => {
    const [boot] = CASES;
    const frames = [boot.frames[2], boot.frames[0]];
    const timeline = caseTimeline({ ...boot, frames, connectionEvents: [] });
    expect(timeline.map((e) => (e.kind === 'frame' ? e.messageId : ''))).toEqual(['m2', 'm1']);
  });

  it('streams each frame while its case runs, and keeps frames and connection events outside any case in _run.jsonl', async () => {
    const run = sampleRun(outDir);
    const [boot] = CASES;
    const reporter = createMessagesReporter(outDir);
    await reporter.onRunBegin?.(run.info, [boot.info]);
    await reporter.onCaseBegin?.(boot.info);
    for (const frame of boot.frames) await reporter.onFrame?.(boot.info.id, frame);
    // Mid-case (a process killed now): the frames so far reach the disk (the stream flushes on the next turn of the event loop).
    const log = join(outDir, 'messages', 'TC_B_01_CS.jsonl');
    const deadline = Date.now() + 5_000;
    while ((await readFile(log, 'utf8').catch(() => '')).split('\n').length < 4 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect((await readJsonl(log)).map((e) => e.index)).toEqual([0, 1, 2]);
    await reporter.onRunConnectionEvent?.({ at: '2024-05-01T10:00:30.000Z', connection: '?', event: 'refused', detail: 'HTTP 408: no upgrade request' });
    await reporter.onRunFrame?.(boot.frames[0]);
    await reporter.onCaseEnd?.(boot);
    const written = await reporter.onRunEnd?.({ ...run, cases: [boot] });
    expect(written).toEqual(expect.arrayContaining([join(outDir, 'messages', '_run.jsonl')]));
    expect((await readJsonl(join(outDir, 'messages', 'TC_B_01_CS.jsonl'))).map((e) => (e.kind === 'frame' ? `frame${e.index}` : e.event))).toEqual(['opened', 'frame0', 'frame1', 'frame2', 'closed']);
    expect(await readJsonl(join(outDir, 'messages', '_run.jsonl'))).toEqual([
      { kind: 'connection', at: '2024-05-01T10:00:30.000Z', connection: '?', event: 'refused', detail: 'HTTP 408: no upgrade request' },
      { kind: 'frame', ...boot.frames[0] },
    ]);
  });
});
