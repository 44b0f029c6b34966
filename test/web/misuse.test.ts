// The UI cannot be misused from another site or through a link: state-changing requests need this UI's origin and its CSRF token, and run folders reached through a symbolic link are refused.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUp, pageHeaders, postJson, raw, seedRun, startUi, tempReportsDir } from './helpers';

afterEach(cleanUp);

const START = { sut: 'cs', target: 'reference', cases: 'TC_B_01_CS', html: false };

describe('a state-changing request needs this origin and the CSRF token', () => {
  test.each([
    ['another Origin', (own: Record<string, string>) => ({ ...own, Origin: 'http://evil.example' }), /not from this UI/],
    ['Origin null (a sandboxed page)', (own: Record<string, string>) => ({ ...own, Origin: 'null' }), /not from this UI/],
    ['Sec-Fetch-Site cross-site', (own: Record<string, string>) => ({ 'X-CSRF-Token': own['X-CSRF-Token'], 'Sec-Fetch-Site': 'cross-site' }), /Sec-Fetch-Site/],
    ['same Origin but Sec-Fetch-Site same-site', (own: Record<string, string>) => ({ ...own, 'Sec-Fetch-Site': 'same-site' }), /Sec-Fetch-Site/],
    ['neither Origin nor Sec-Fetch-Site', (own: Record<string, string>) => ({ 'X-CSRF-Token': own['X-CSRF-Token'] }), /must say where it comes from/],
    ['the right Origin without the CSRF token', (own: Record<string, string>) => ({ Origin: own.Origin }), /CSRF token/],
    ['the right Origin with a wrong CSRF token', (own: Record<string, string>) => ({ Origin: own.Origin, 'X-CSRF-Token': 'guessed-token-0000000000' }), /CSRF token/],
  ])('%s: 403 with the reason, and no run starts', async (_what, headers, reason) => {
    const reportsDir = tempReportsDir();
    const ui = await startUi({ reportsDir });
    const answer = await postJson(ui, '/api/runs', START, headers(await pageHeaders(ui)));
    expect(answer.status).toBe(403);
    expect(String(answer.body.error)).toMatch(reason);
    expect(readdirSync(reportsDir)).toEqual([]);
    // The stop and prompt routes are guarded the same way.
    const stop = await postJson(ui, '/api/runs/20260101-000000-cs/stop', {}, headers(await pageHeaders(ui)));
    expect(stop.status).toBe(403);
  });

  test('a form post from another site (text/plain, no preflight) is refused before its body is read', async () => {
    const ui = await startUi();
    const answer = await raw(ui.port, '/api/runs', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: 'http://evil.example' }, body: JSON.stringify(START) });
    expect(answer.status).toBe(403);
  });

  test("the UI's own pages (same Origin or Sec-Fetch-Site same-origin, with the token) are served", async () => {
    const reportsDir = tempReportsDir();
    const ui = await startUi({ reportsDir });
    const own = await pageHeaders(ui);
    const byOrigin = await postJson(ui, '/api/runs/20260101-000000-cs/stop', {}, own);
    expect(byOrigin.status).toBe(404); // past the guard: there is no such run
    const bySite = await postJson(ui, '/api/runs/20260101-000000-cs/stop', {}, { 'Sec-Fetch-Site': 'same-origin', 'X-CSRF-Token': own['X-CSRF-Token'] });
    expect(bySite.status).toBe(404);
  });

  test('GET /api/session gives the token without CORS headers (another site cannot read it)', async () => {
    const ui = await startUi();
    const answer = await raw(ui.port, '/api/session', { headers: { Origin: 'http://evil.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('run folders reached through a symbolic link are refused', () => {
  const RUN = '20260102-030405-cs';
  let elsewhere: string;

  beforeEach(() => {
    elsewhere = mkdtempSync(join(tmpdir(), 'ocpp-ct-elsewhere-'));
    seedRun(elsewhere, RUN, { target: 'ws://secret-lab-host:9000' }, { 'allure-report/index.html': '<title>secret report</title>' });
  });
  afterEach(() => rmSync(elsewhere, { recursive: true, force: true }));

  test('a run folder linked from elsewhere: not listed, its summary and files are 404', async () => {
    const reportsDir = tempReportsDir();
    symlinkSync(join(elsewhere, RUN), join(reportsDir, 'linked-run'));
    const ui = await startUi({ reportsDir });
    const runs = await raw(ui.port, '/api/runs');
    expect(JSON.parse(runs.body).runs).toEqual([]);
    for (const path of ['/api/runs/linked-run', '/reports/linked-run/summary.json', '/reports/linked-run/allure-report/index.html']) {
      const answer = await raw(ui.port, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('secret');
    }
    expect(JSON.parse((await raw(ui.port, '/api/runs/linked-run')).body).error).toMatch(/symbolic link/);
  });

  test('a link inside the reports folder to a real run there is refused too; the run itself is served', async () => {
    const reportsDir = tempReportsDir();
    seedRun(reportsDir, RUN);
    symlinkSync(join(reportsDir, RUN), join(reportsDir, 'alias'));
    mkdirSync(join(reportsDir, 'demo'));
    symlinkSync(join(elsewhere, RUN), join(reportsDir, 'demo', 'cs'));
    const ui = await startUi({ reportsDir });
    expect((await raw(ui.port, `/api/runs/${RUN}`)).status).toBe(200);
    expect((await raw(ui.port, '/api/runs/alias')).status).toBe(404);
    expect((await raw(ui.port, '/reports/alias/summary.json')).status).toBe(404);
    expect((await raw(ui.port, '/api/runs/demo/cs')).status).toBe(404);
    expect(JSON.parse((await raw(ui.port, '/api/runs')).body).runs.map((r: { id: string }) => r.id)).toEqual([RUN]);
  });
});
