// The UI's API for living with runs, without a browser: SUT history, compare, the sequence diagram of a case, re-run failed, the PICS check (the CLI's own messages), and the Allure history carried between runs of the same SUT.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALLURE_HISTORY_FILE, ALLURE_HISTORY_POINTS, carryAllureHistory } from '../../src/report/allure-html';
import { sutIdentity } from '../../src/report/run-history';
import { ConfigError } from '../../src/engine/config';
import { checkPics } from '../../src/profiles/pics';
import { picsProblems } from '../../src/profiles/pics-init';
import { compareRuns } from '../../src/web/compare';
import type { RunDetail } from '../../src/web/reports';
import { cleanUp, HOSTILE, postJson, raw, seedRun, startUi, tempReportsDir } from './helpers';

const REPO_ROOT = join(__dirname, '..', '..');
const examplePics = (): Record<string, unknown> & { sut: Record<string, unknown>; features: Record<string, unknown> } => JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'pics-station.json'), 'utf8'));

afterEach(cleanUp);

/** A run detail for compareRuns. */
function detail(id: string, cases: [string, string, string][], identity = sutIdentity({ sut: 'CS', target: 'reference' })): RunDetail {
  return { id, sut: 'CS', target: 'reference', profiles: [], startedAt: '2026-01-01T00:00:00.000Z', counts: {}, state: 'finished', identity, reports: {}, cases: cases.map(([c, verdict, reason]) => ({ id: c, name: `${c} name`, verdict, durationMs: 1, reason })) };
}

test('compare: newly failing, fixed, changed reason, still failing, added, removed', () => {
  const before = detail('a', [
    ['TC_B_01_CS', 'passed', 'ok'],
    ['TC_B_02_CS', 'failed', 'wrong status'],
    ['TC_B_03_CS', 'failed', 'timeout'],
    ['TC_B_04_CS', 'failed', 'same'],
    ['TC_B_05_CS', 'notApplicable', 'n/a'],
    ['TC_B_06_CS', 'passed', 'ok'],
    ['TC_B_07_CS', 'passed', 'ok'],
  ]);
  const after = detail('b', [
    ['TC_B_01_CS', 'failed', 'now broken'],
    ['TC_B_02_CS', 'passed', 'ok'],
    ['TC_B_03_CS', 'inconclusive', 'no operator answer'],
    ['TC_B_04_CS', 'failed', 'same'],
    ['TC_B_05_CS', 'error', 'harness bug'],
    ['TC_B_06_CS', 'passed', 'ok'],
    ['TC_B_08_CS', 'failed', 'new case'],
  ]);
  const c = compareRuns(before, after);
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
  expect(ids(c.newlyFailing)).toEqual(['TC_B_01_CS', 'TC_B_05_CS']);
  expect(ids(c.fixed)).toEqual(['TC_B_02_CS']);
  expect(ids(c.changed)).toEqual(['TC_B_03_CS']);
  expect(c.changed[0]).toMatchObject({ base: { verdict: 'failed', reason: 'timeout' }, head: { verdict: 'inconclusive', reason: 'no operator answer' } });
  expect(ids(c.stillFailing)).toEqual(['TC_B_04_CS']);
  expect(ids(c.added)).toEqual(['TC_B_08_CS']);
  expect(ids(c.removed)).toEqual(['TC_B_07_CS']);
  expect(c.unchangedPassed).toBe(1);
  expect(c.sameSut).toBe(true);
  expect(compareRuns(before, detail('c', [], sutIdentity({ sut: 'CS', target: 'listen' }))).sameSut).toBe(false);
  expect('cases' in c.base).toBe(false);
});

test('SUT identity: a PICS names the product (firmware is the version), otherwise the side and target (the fault is the version)', () => {
  const pics = (firmwareVersion: string) => ({ sut: { vendor: 'V', model: 'M', firmwareVersion } });
  expect(sutIdentity({ sut: 'CS', target: 'listen', pics: pics('1.0') }).key).toBe(sutIdentity({ sut: 'CS', target: 'reference', pics: pics('2.0') }).key);
  expect(sutIdentity({ sut: 'CS', target: 'listen', pics: pics('1.0') })).toMatchObject({ label: 'Charging Station · V M', version: 'firmware 1.0' });
  expect(sutIdentity({ sut: 'CSMS', target: 'listen', pics: pics('1.0') }).key).not.toBe(sutIdentity({ sut: 'CS', target: 'listen', pics: pics('1.0') }).key);
  expect(sutIdentity({ sut: 'CS', target: 'reference', fault: 'x' }).key).toBe(sutIdentity({ sut: 'CS', target: 'reference' }).key);
  expect(sutIdentity({ sut: 'CS', target: 'reference', fault: 'x' }).version).toBe('fault x');
  expect(sutIdentity({ sut: 'CSMS', target: 'ws://a/ocpp' }).key).not.toBe(sutIdentity({ sut: 'CSMS', target: 'ws://b/ocpp' }).key);
});

test('history groups the runs by SUT, oldest first; compare over HTTP; links and bad ids refused', async () => {
  const reportsDir = tempReportsDir();
  const pics = (firmwareVersion: string) => JSON.stringify({ sut: { role: 'CS', vendor: HOSTILE.slice(0, 40), model: 'M1', firmwareVersion } });
  seedRun(reportsDir, 'fw1', { target: 'listen', startedAt: '2026-01-01T00:00:00.000Z' }, { 'pics.json': pics('1.0') });
  seedRun(reportsDir, 'fw2', { target: 'listen', startedAt: '2026-01-02T00:00:00.000Z', cases: [{ id: 'TC_B_01_CS', name: 'n', verdict: 'failed', durationMs: 1, reason: 'broke' }] }, { 'pics.json': pics('2.0') });
  seedRun(reportsDir, 'ref', { startedAt: '2026-01-03T00:00:00.000Z' });
  const ui = await startUi({ reportsDir });
  const { suts } = (await (await fetch(`${ui.url}/api/history`)).json()) as { suts: { identity: { label: string; version?: string }; runs: { id: string; identity: { version?: string } }[] }[] };
  expect(suts.map((s) => s.runs.map((r) => r.id))).toEqual([['ref'], ['fw1', 'fw2']]);
  expect(suts[1].identity.label).toBe(`Charging Station · ${HOSTILE.slice(0, 40)} M1`);
  expect(suts[1].runs.map((r) => r.identity.version)).toEqual(['firmware 1.0', 'firmware 2.0']);

  const compared = (await (await fetch(`${ui.url}/api/compare?base=fw1&head=fw2`)).json()) as { newlyFailing: { id: string }[]; removed: { id: string }[]; sameSut: boolean };
  expect(compared.newlyFailing.map((c) => c.id)).toEqual(['TC_B_01_CS']);
  expect(compared.removed.map((c) => c.id)).toEqual(['TC_B_02_CS']);
  expect(compared.sameSut).toBe(true);
  expect((await raw(ui.port, '/api/compare?base=fw1&head=nope')).status).toBe(404);
  expect((await raw(ui.port, '/api/compare?base=..%2Fetc&head=fw1')).status).toBe(400);
  symlinkSync(join(reportsDir, 'fw1'), join(reportsDir, 'linked'));
  expect((await raw(ui.port, '/api/compare?base=fw1&head=linked')).status).toBe(404);
});

test('the sequence diagram of a case: from the Allure results when they hold one, else drawn from the message log; SUT text escaped', async () => {
  const reportsDir = tempReportsDir();
  const frame = (index: number, direction: string, rawFrame: unknown[]) => JSON.stringify({ kind: 'frame', index, at: `2026-01-02T03:04:05.${100 + index}Z`, direction, raw: JSON.stringify(rawFrame), messageType: rawFrame[0], messageId: 'm1', action: 'BootNotification', connection: 'CS#1' });
  const log = [frame(0, 'in', [2, 'm1', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: HOSTILE, model: 'x' } }]), frame(1, 'out', [3, 'm1', { status: 'Pending' }])].join('\n');
  seedRun(reportsDir, 'r', {}, {
    'messages/TC_B_02_CS.jsonl': `${log}\n`,
    'allure-results/abc-result.json': JSON.stringify({ fullName: 'TC_B_01_CS', attachments: [{ name: 'sequence diagram', source: 'abc-attachment.html', type: 'text/html' }] }),
    'allure-results/abc-attachment.html': '<!doctype html><title>from allure</title>',
  });
  const ui = await startUi({ reportsDir });
  const fromAllure = await raw(ui.port, '/api/runs/r/cases/TC_B_01_CS/trace');
  expect(fromAllure.status).toBe(200);
  expect(fromAllure.body).toContain('<title>from allure</title>');
  expect(fromAllure.headers['content-type']).toMatch(/^text\/html/);
  expect(fromAllure.headers['content-security-policy']).toMatch(/^sandbox /);

  const drawn = await raw(ui.port, '/api/runs/r/cases/TC_B_02_CS/trace');
  expect(drawn.status).toBe(200);
  expect(drawn.body).toContain('CALL BootNotification');
  expect(drawn.body).toContain('drawn from the message log');
  expect(drawn.body).not.toContain('<script>document.title');
  expect(drawn.body).not.toContain('<img src=x');

  expect((await raw(ui.port, '/api/runs/r/cases/TC_X_99_CS/trace')).status).toBe(404);
  expect((await raw(ui.port, '/api/runs/r/cases/..%2F..%2Fsummary/trace')).status).toBe(400);
  symlinkSync(join(reportsDir, 'r'), join(reportsDir, 'linked'));
  expect((await raw(ui.port, '/api/runs/linked/cases/TC_B_01_CS/trace')).status).toBe(404);
});

test('the PICS check words problems exactly as the CLI does, and a start with an impossible PICS is refused', async () => {
  const ui = await startUi();
  const check = async (pics: unknown) => (await postJson(ui, '/api/pics/check', { pics })).body as { ok: boolean; message?: string; problems: string[]; impossible: { message: string; features: string[] }[] };
  expect(await check(examplePics())).toEqual({ ok: true, problems: [], impossible: [] });

  const malformed = examplePics();
  malformed.sut.vendor = '';
  malformed.features['C-99'] = true;
  const bad = await check(malformed);
  let cli = '';
  try {
    checkPics(malformed, 'the PICS');
  } catch (error) {
    cli = (error as ConfigError).message;
  }
  expect(cli).toMatch(/is not a valid PICS/);
  expect(bad.ok).toBe(false);
  expect(bad.message).toBe(cli);
  expect(bad.problems).toContain('/sut/vendor: must NOT have fewer than 1 characters');
  expect(bad.problems.some((p) => p.startsWith('/features/C-99: '))).toBe(true);

  const impossible = examplePics();
  impossible.features['HFS-3'] = false;
  impossible.features['HFS-4'] = false;
  const refused = await check(impossible);
  expect(refused.ok).toBe(false);
  expect(refused.impossible).toEqual(picsProblems(checkPics(impossible, 'x')).map((p) => ({ message: `Not possible: ${p.message}`, features: p.features })));
  expect(refused.impossible[0].message).toBe('Not possible: a Charging Station supports AC (HFS-3), DC (HFS-4) or both');

  const start = await postJson(ui, '/api/runs', { sut: 'cs', target: 'reference', cases: 'TC_B_01_CS', profile: 'core', pics: impossible, html: false });
  expect(start.status).toBe(400);
  expect(start.body.error).toMatch(/Not possible: a Charging Station supports AC \(HFS-3\), DC \(HFS-4\) or both/);

  // The check changes nothing, but it is a POST: another origin's page cannot use it either.
  const foreign = await postJson(ui, '/api/pics/check', { pics: examplePics() }, { Origin: 'http://evil.example' });
  expect(foreign.status).toBe(403);
  const features = (await (await fetch(`${ui.url}/api/pics/features?role=CS&profiles=core`)).json()) as { features: { id: string; section: string }[] };
  expect(features.features.find((f) => f.id === 'HFS-3')?.section).toBe('Hardware');
  expect((await raw(ui.port, '/api/pics/features?role=CS&profiles=nope')).status).toBe(400);
});

test('re-run failed over the API: refused without the CSRF token, for a run that passed, and through a link', async () => {
  const reportsDir = tempReportsDir();
  seedRun(reportsDir, 'green', { cases: [{ id: 'TC_B_01_CS', name: 'n', verdict: 'passed', durationMs: 1, reason: 'ok' }] }, { 'run.json': JSON.stringify({ sut: 'cs', target: 'reference', cases: 'TC_B_01_CS', driver: 'prompt', html: false }) });
  seedRun(reportsDir, 'red', {}, { 'run.json': JSON.stringify({ sut: 'cs', target: 'reference', cases: 'TC_B_01_CS,TC_B_02_CS', driver: 'prompt', html: false }) });
  symlinkSync(join(reportsDir, 'red'), join(reportsDir, 'linked'));
  const ui = await startUi({ reportsDir });
  const noToken = await postJson(ui, '/api/runs/red/rerun-failed', {}, { Origin: ui.url });
  expect(noToken.status).toBe(403);
  const green = await postJson(ui, '/api/runs/green/rerun-failed', {});
  expect(green.status).toBe(400);
  expect(green.body.error).toMatch(/every case of green passed or was not applicable/);
  expect((await postJson(ui, '/api/runs/linked/rerun-failed', {})).status).toBe(404);
  expect((await postJson(ui, '/api/runs/nope/rerun-failed', {})).status).toBe(404);
  // The real re-run (a run of the failed cases only, linked to its origin) is in living.e2e.test.ts; the link survives the UI.
  seedRun(reportsDir, 'again', {}, { 'rerun-of.json': JSON.stringify({ runId: 'red', cases: ['TC_B_02_CS'] }) });
  seedRun(reportsDir, 'odd', {}, { 'rerun-of.json': JSON.stringify({ runId: '../etc' }) });
  expect(((await (await fetch(`${ui.url}/api/runs/again`)).json()) as { rerunOf?: string }).rerunOf).toBe('red');
  expect(((await (await fetch(`${ui.url}/api/runs/odd`)).json()) as { rerunOf?: string }).rerunOf).toBeUndefined();
});

describe('Allure history across runs of the same SUT', () => {
  /** A run folder with a summary, an optional PICS and an optional history of `points` lines. */
  function folder(root: string, name: string, startedAt: string, points: number, extra: Record<string, unknown> = {}, pics?: unknown): string {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ sut: 'CS', target: 'reference', startedAt, ...extra }));
    if (pics) writeFileSync(join(dir, 'pics.json'), JSON.stringify(pics));
    if (points > 0) writeFileSync(join(dir, ALLURE_HISTORY_FILE), Array.from({ length: points }, (_, i) => JSON.stringify({ uuid: `${name}-${i}` })).join('\n') + '\n');
    return dir;
  }
  const lines = (dir: string) => readFileSync(join(dir, ALLURE_HISTORY_FILE), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { uuid: string }).uuid);

  test('the newest earlier run of the same SUT gives its history; other SUTs, later runs and links do not', async () => {
    const root = tempReportsDir();
    folder(root, 'old', '2026-01-01T00:00:00Z', 1);
    folder(root, 'prev', '2026-01-02T00:00:00Z', 2, { fault: 'boot.noConnectorStatus' });
    folder(root, 'other', '2026-01-03T00:00:00Z', 5, { target: 'listen' });
    folder(root, 'later', '2026-02-01T00:00:00Z', 7);
    const evil = folder(root, 'evil-src', '2025-01-01T00:00:00Z', 0, { sut: 'CSMS' });
    writeFileSync(join(evil, 'secret.txt'), 'secret\n');
    const now = folder(root, 'now', '2026-01-04T00:00:00Z', 0);
    await carryAllureHistory(now);
    expect(lines(now)).toEqual(['prev-0', 'prev-1']);

    // A run of another SUT with a history file that is a symbolic link: not followed.
    const linkRun = folder(root, 'linkrun', '2026-01-05T00:00:00Z', 0, {}, { sut: { vendor: 'V', model: 'M', firmwareVersion: '1' } });
    symlinkSync(join(evil, 'secret.txt'), join(linkRun, ALLURE_HISTORY_FILE));
    const next = folder(root, 'next', '2026-01-06T00:00:00Z', 0, {}, { sut: { vendor: 'V', model: 'M', firmwareVersion: '2' } });
    await carryAllureHistory(next);
    expect(() => readFileSync(join(next, ALLURE_HISTORY_FILE))).toThrow();
  });

  test('demo runs (one folder per side) find the same side of the demo before them', async () => {
    const root = tempReportsDir();
    folder(root, 'demo-1/cs', '2026-01-01T00:00:00Z', 1);
    folder(root, 'demo-1/csms', '2026-01-01T00:00:00Z', 3, { sut: 'CSMS' });
    folder(root, 'demo-2/csms', '2026-01-02T00:00:00Z', 0, { sut: 'CSMS' });
    const cs = folder(root, 'demo-2/cs', '2026-01-02T00:00:00Z', 0);
    await carryAllureHistory(cs);
    expect(lines(cs)).toEqual(['demo-1/cs-0']);
    // A CLI run next to the demos finds the demo's side folder too.
    const single = folder(root, 'single', '2026-01-03T00:00:00Z', 0, { sut: 'CSMS' });
    await carryAllureHistory(single);
    expect(lines(single)).toEqual(['demo-1/csms-0', 'demo-1/csms-1', 'demo-1/csms-2']);
  });

  test(`at most ${ALLURE_HISTORY_POINTS} points are kept`, async () => {
    const root = tempReportsDir();
    folder(root, 'prev', '2026-01-02T00:00:00Z', ALLURE_HISTORY_POINTS + 5);
    const now = folder(root, 'now', '2026-01-04T00:00:00Z', 0);
    await carryAllureHistory(now);
    expect(lines(now)).toHaveLength(ALLURE_HISTORY_POINTS - 1);
    expect(lines(now).at(-1)).toBe(`prev-${ALLURE_HISTORY_POINTS + 4}`);
  });

  test('two real runs of the reference station: the second report has both points', async () => {
    const root = tempReportsDir();
    const run = (out: string) => promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'ocpp-ct.js'), 'run', '--sut', 'cs', '--target', 'reference', '--cases', 'TC_P_01_CS', '--out', join(root, out), '--reporter', 'dot'], { cwd: REPO_ROOT });
    await run('first');
    await run('second');
    const points = readFileSync(join(root, 'second', ALLURE_HISTORY_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { testResults: Record<string, { fullName: string; status: string }> });
    expect(points).toHaveLength(2);
    for (const point of points) expect(Object.values(point.testResults).map((r) => [r.fullName, r.status])).toEqual([['TC_P_01_CS', 'passed']]);
    expect(readFileSync(join(root, 'first', ALLURE_HISTORY_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
