// The UI's safety promises: nothing outside reports/ can be read, SUT text stays data, tokens guard every request, and bad requests get a 4xx with a reason.
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanUp, HOSTILE, pageHeaders, postJson, raw, seedRun, startUi, tempReportsDir } from './helpers';

afterEach(cleanUp);

const PUBLIC_DIR = join(__dirname, '..', '..', 'src', 'web', 'public');

describe('reports are served from the reports folder only', () => {
  const RUN = '20260102-030405-cs';
  let port: number;
  let reportsDir: string;

  beforeEach(async () => {
    reportsDir = tempReportsDir();
    seedRun(reportsDir, RUN, {}, { 'allure-report/index.html': '<!doctype html><title>allure</title>', 'messages/TC_B_01_CS.jsonl': '{}\n' });
    writeFileSync(join(reportsDir, '..', `outside-${RUN}.txt`), 'secret');
    ({ port } = await startUi({ reportsDir }));
  });

  test('a report file inside it is served, HTML sandboxed', async () => {
    const page = await raw(port, `/reports/${RUN}/allure-report/index.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>allure</title>');
    expect(page.headers['content-security-policy']).toMatch(/^sandbox allow-scripts/);
    const jsonl = await raw(port, `/reports/${RUN}/messages/TC_B_01_CS.jsonl`);
    expect(jsonl).toMatchObject({ status: 200, body: '{}\n' });
    expect(jsonl.headers['content-type']).toMatch(/^text\/plain/);
  });

  test.each([
    ['../ in the path', `/reports/../package.json`],
    ['../ deeper', `/reports/${RUN}/../../outside-${RUN}.txt`],
    ['percent-encoded ../', `/reports/%2e%2e%2f%2e%2e%2fpackage.json`],
    ['percent-encoded dots with a real slash', `/reports/%2e%2e/outside-${RUN}.txt`],
    ['double-encoded ../', `/reports/%252e%252e%252f%252e%252e%252fpackage.json`],
    ['encoded backslash', `/reports/..%5c..%5cpackage.json`],
    ['an absolute path', `/reports//etc/passwd`],
    ['an encoded absolute path', `/reports/%2fetc%2fpasswd`],
    ['a hidden file', `/reports/.git/config`],
  ])('%s is refused with 400 and a reason', async (_what, path) => {
    const answer = await raw(port, path);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/segment|path/);
    expect(answer.body).not.toContain('secret');
  });

  test('a symlink leading out of the folder is a 404, not the file it points to', async () => {
    symlinkSync(join(reportsDir, '..', `outside-${RUN}.txt`), join(reportsDir, RUN, 'leak.txt'));
    symlinkSync('/etc', join(reportsDir, 'etc'));
    for (const path of [`/reports/${RUN}/leak.txt`, '/reports/etc/passwd']) {
      const answer = await raw(port, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('secret');
      expect(answer.body).not.toContain('root:');
    }
  });

  test('a missing file or a folder is a 404 with a reason', async () => {
    expect(await raw(port, `/reports/${RUN}/nothing.html`)).toMatchObject({ status: 404 });
    const folder = await raw(port, `/reports/${RUN}/messages`);
    expect(folder.status).toBe(404);
    expect(JSON.parse(folder.body).error).toBe('not a file');
  });

  test.each([
    ['..%2F..%2Fetc', 400],
    ['%2e%2e', 400],
    ['a%2F..%2F..%2Fetc', 400],
    ['x%00y', 400],
    ['nope-20990101', 404],
  ])('run id %s in the API: %i', async (id, status) => {
    const answer = await raw(port, `/api/runs/${id}`);
    expect(answer.status).toBe(status);
    expect(typeof JSON.parse(answer.body).error).toBe('string');
  });

  test('the UI pages themselves cannot be escaped either', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json']) {
      const answer = await raw(port, path);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body).not.toContain('"name": "ocpp-ct"');
    }
  });
});

describe('SUT text stays data', () => {
  test('a <script> in a vendor string, a reason or a case name is served as JSON data, never as HTML', async () => {
    const reportsDir = tempReportsDir();
    seedRun(reportsDir, 'hostile-run', { target: HOSTILE, fault: HOSTILE, cases: [{ id: 'TC_B_01_CS', name: HOSTILE, verdict: HOSTILE, durationMs: 1, reason: `vendorName was ${HOSTILE}` }], counts: { [HOSTILE]: 1 } });
    const ui = await startUi({ reportsDir });
    for (const path of ['/api/runs', '/api/runs/hostile-run']) {
      const answer = await raw(ui.port, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.stringify(JSON.parse(answer.body))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
  });

  test('the browser code never parses data as HTML', () => {
    const files = readdirSync(PUBLIC_DIR).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(join(PUBLIC_DIR, file), 'utf8');
      expect({ file, found: code.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setAttribute\('on/g) }).toEqual({ file, found: null });
    }
  });

  test('the UI pages forbid inline scripts and outside sources', async () => {
    const ui = await startUi();
    for (const path of ['/', '/run.html?id=x', '/run.js']) {
      const answer = await raw(ui.port, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(answer.headers['content-security-policy']).not.toContain('unsafe-inline');
    }
  });
});

describe('access', () => {
  test('on loopback without a token, a request by another host name is refused (DNS rebinding)', async () => {
    const ui = await startUi();
    expect(ui.token).toBeUndefined();
    expect((await raw(ui.port, '/api/runs')).status).toBe(200);
    expect((await raw(ui.port, '/api/runs', { headers: { Host: `localhost:${ui.port}` } })).status).toBe(200);
    const evil = await raw(ui.port, '/api/runs', { headers: { Host: 'attacker.example' } });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error).toMatch(/answers only to/);
  });

  test('bound to another address, a token is generated and every request needs it', async () => {
    const ui = await startUi({ host: '0.0.0.0' });
    expect(ui.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const token = ui.token as string;
    for (const path of ['/', '/api/runs', '/reports/x/summary.json', '/app.css']) {
      const refused = await raw(ui.port, path);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body).error).toMatch(/access token is required/);
    }
    expect((await raw(ui.port, '/api/runs', { headers: { Authorization: 'Bearer wrong-token' } })).status).toBe(401);
    expect((await raw(ui.port, '/api/runs', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  test('?token= sets an HttpOnly, SameSite=Strict cookie once and redirects to the same page without it', async () => {
    const ui = await startUi({ host: '0.0.0.0', token: 'a-long-enough-test-token' });
    expect(ui.token).toBe('a-long-enough-test-token');
    expect((await raw(ui.port, '/?token=wrong')).status).toBe(401);
    const opened = await raw(ui.port, '/run.html?id=abc&token=a-long-enough-test-token');
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/run.html?id=abc');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/ocppct_token=a-long-enough-test-token/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await raw(ui.port, '/api/runs', { headers: { Cookie: 'ocppct_token=a-long-enough-test-token' } })).status).toBe(200);
    expect((await raw(ui.port, '/api/runs', { headers: { Cookie: 'ocppct_token=a-long-enough-test-tokeN' } })).status).toBe(401);
    const leaving = await raw(ui.port, '//attacker.example/?token=a-long-enough-test-token');
    expect(leaving.headers.location).toBe('/');
  });
});

describe('bad requests get a 4xx with a reason', () => {
  let ui: Awaited<ReturnType<typeof startUi>>;
  beforeEach(async () => {
    ui = await startUi();
  });

  const expectRefused = (answer: { status: number; body: string | Record<string, unknown> }, status: number, reason: RegExp) => {
    expect(answer.status).toBe(status);
    const body = typeof answer.body === 'string' ? (JSON.parse(answer.body) as Record<string, unknown>) : answer.body;
    expect(body.error).toMatch(reason);
  };

  test('a body that is not JSON', async () => {
    expectRefused(await raw(ui.port, '/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(await pageHeaders(ui)) }, body: '{"sut": "cs",' }), 400, /not valid JSON/);
  });

  test('a body that is not sent as JSON', async () => {
    expectRefused(await raw(ui.port, '/api/runs', { method: 'POST', headers: { 'Content-Type': 'text/plain', ...(await pageHeaders(ui)) }, body: 'sut=cs' }), 415, /application\/json/);
  });

  test('a body too large', async () => {
    const answer = await raw(ui.port, '/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(await pageHeaders(ui)) }, body: JSON.stringify({ cases: 'x'.repeat(2_000_000) }) });
    expect(answer.status).toBe(413);
  });

  test('a malformed percent escape in the URL', async () => {
    expect((await raw(ui.port, '/api/runs/%E0%A4%A')).status).toBe(400);
    expect((await raw(ui.port, '/reports/%E0%A4%A/x')).status).toBe(400);
  });

  test.each([
    [[], /JSON object/],
    [{ sut: 'cs', target: 'reference', extra: 1 }, /unknown field "extra"/],
    [{ sut: 'ev', target: 'reference' }, /'sut' must be one of cs, csms/],
    [{ sut: 'cs' }, /'target'/],
    [{ sut: 'cs', target: 'wss://csms.example/ocpp' }, /with --sut cs, --target is 'reference' or 'listen'/],
    [{ sut: 'cs', target: 'reference', cases: 'TC_Z_*' }, /no implemented cs case matches/i],
    [{ sut: 'cs', target: 'reference', cases: '<script>' }, /'cases' must be/],
    [{ sut: 'cs', target: 'reference', fault: 'no.such.fault' }, /unknown fault/],
    [{ sut: 'cs', target: 'reference', port: 70000 }, /'port' must be/],
    [{ sut: 'cs', target: 'listen', operatorActions: 'web' }, /applies only to target 'reference'/],
    [{ sut: 'cs', target: 'reference', config: { timeouts: { messageMs: 'soon' } } }, /uploaded config file is not a valid run config:\s+\/timeouts\/messageMs/],
    [{ sut: 'cs', target: 'reference', config: { nonsense: true } }, /additional properties 'nonsense'/],
    [{ sut: 'cs', target: 'reference', html: 'yes' }, /'html' must be true or false/],
  ])('start request %j', async (body, reason) => {
    const answer = await postJson(ui, '/api/runs', body);
    expectRefused(answer, 400, reason);
  });

  test('answers and stops for runs and prompts that do not exist', async () => {
    expectRefused(await postJson(ui, '/api/runs/20260101-000000-cs/prompts/abc', { answer: 'done' }), 404, /no run/);
    expectRefused(await postJson(ui, '/api/runs/20260101-000000-cs/prompts/abc', { answer: 'maybe' }), 400, /'answer' must be one of done, cannot/);
    expectRefused(await postJson(ui, '/api/runs/20260101-000000-cs/prompts/abc', { answer: 'done', name: '<b>me</b>' }), 400, /'name' must be/);
    expectRefused(await postJson(ui, '/api/runs/20260101-000000-cs/stop', {}), 404, /no run/);
    expectRefused(await postJson(ui, '/api/nothing', {}), 404, /no API/);
    expectRefused(await raw(ui.port, '/api/runs/20260101-000000-cs/events'), 404, /not started by this UI/);
    expectRefused(await raw(ui.port, '/nothing-here'), 404, /nothing at/);
  });
});
