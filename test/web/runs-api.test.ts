// Runs started through the UI's API, without a browser: live events (late subscribers included), prompts answered over HTTP, one run at a time, reports listed.
import { LiveLog, type LiveEvent } from '../../src/web/live';
import { cleanUp, followEvents, postJson, seedRun, startUi, tempReportsDir } from './helpers';

afterEach(cleanUp);

test('a late subscriber gets every event so far, then the new ones; a reconnect resumes after the last one seen', () => {
  const log = new LiveLog();
  log.emit({ type: 'note', text: 'one' });
  log.emit({ type: 'note', text: 'two' });
  const late: number[] = [];
  const stop = log.follow(0, ({ seq }) => late.push(seq));
  log.emit({ type: 'note', text: 'three' });
  expect(late).toEqual([1, 2, 3]);
  const resumed: number[] = [];
  log.follow(2, ({ seq }) => resumed.push(seq));
  expect(resumed).toEqual([3]);
  stop();
  log.emit({ type: 'finished', durationMs: 1, counts: {}, reports: {} });
  log.emit({ type: 'note', text: 'after the end' });
  expect(late).toEqual([1, 2, 3]);
  expect(resumed).toEqual([3, 4]);
  expect(log.ended).toBe(true);
});

test('demo mode: the reference station waits for the browser, the answer reaches the run and its report', async () => {
  const reportsDir = tempReportsDir();
  const ui = await startUi({ reportsDir });
  const started = await postJson(ui, '/api/runs', { sut: 'cs', target: 'reference', cases: 'TC_B_02_CS', operatorActions: 'web', html: false });
  expect(started.status).toBe(202);
  const id = started.body.id as string;
  expect(started.body.page).toBe(`/run.html?id=${id}`);
  let busy: { status: number; body: Record<string, unknown> } | undefined;
  const events = await followEvents(
    ui,
    id,
    (e) => e.type === 'finished' || e.type === 'failed',
    async (e) => {
      if (e.type !== 'promptOpen') return;
      busy = await postJson(ui, '/api/runs', { sut: 'cs', target: 'reference', html: false });
      const answered = await postJson(ui, `/api/runs/${id}/prompts/${e.prompt.promptId}`, { answer: 'done', name: 'unit test' });
      expect(answered).toEqual({ status: 200, body: { ok: true } });
    },
  );
  expect(busy?.status).toBe(409);
  expect(busy?.body.error).toMatch(/still going/);
  const types = events.map((e) => e.type);
  expect(types.slice(0, 2)).toEqual(['run', 'caseBegin']);
  expect(types.indexOf('promptOpen')).toBeLessThan(types.indexOf('promptClosed'));
  const record = events.find((e): e is Extract<LiveEvent, { type: 'prompt' }> => e.type === 'prompt');
  expect(record?.prompt).toMatchObject({ answer: 'done', answeredBy: 'web:unit test', instruction: expect.stringMatching(/^Reboot/) });
  expect(events.filter((e) => e.type === 'frame').length).toBeGreaterThan(0);
  expect(events.at(-1)).toMatchObject({ type: 'finished', counts: { passed: 1 } });

  const detail = (await (await fetch(`${ui.url}/api/runs/${id}`)).json()) as Record<string, unknown>;
  expect(detail).toMatchObject({ id, state: 'finished', live: true, cases: [{ id: 'TC_B_02_CS', verdict: 'passed' }] });
  const replay = await followEvents(ui, id, (e) => e.type === 'finished');
  expect(replay).toEqual(events);
});

test('the runs list shows runs on disk, nested demo runs included, with any verdict counted', async () => {
  const reportsDir = tempReportsDir();
  seedRun(reportsDir, '20260101-000000-cs', { startedAt: '2026-01-01T00:00:00.000Z', counts: { passed: 2, notImplemented: 1 } });
  seedRun(reportsDir, 'demo-20260102-000000/csms', { sut: 'CSMS', startedAt: '2026-01-02T00:00:00.000Z' });
  seedRun(reportsDir, 'broken-run', { sut: 42 });
  const ui = await startUi({ reportsDir });
  const { runs } = (await (await fetch(`${ui.url}/api/runs`)).json()) as { runs: { id: string; counts: Record<string, number> }[] };
  expect(runs.map((r) => r.id)).toEqual(['demo-20260102-000000/csms', '20260101-000000-cs']);
  expect(runs[1].counts).toEqual({ passed: 2, notImplemented: 1 });
  const nested = (await (await fetch(`${ui.url}/api/runs/${encodeURIComponent('demo-20260102-000000/csms')}`)).json()) as Record<string, unknown>;
  expect(nested).toMatchObject({ sut: 'CSMS', live: false, reports: {} });
});
