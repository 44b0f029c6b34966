// The web UI in a real headless Chromium against misuse and for control: the Stop button stops a run after its current case, and a page of another origin cannot start a run.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { RunSummary } from '../../src/report';
import type { UiServer } from '../../src/web/app';
import { cleanUp, launchChromium, startUi, tempReportsDir } from './helpers';

const LIVE_MS = 20_000;
const FINISH_MS = 60_000;

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  ({ context, profile } = await launchChromium());
  context.setDefaultTimeout(LIVE_MS);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await cleanUp();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('Stop: the run ends after the case in progress, the rest are notRun', async () => {
  const reportsDir = tempReportsDir();
  const ui = await startUi({ reportsDir });
  const page = await context.newPage();
  await page.goto(ui.url);
  await page.locator('#fault option').nth(1).waitFor({ state: 'attached' });
  await page.selectOption('#sut', 'cs');
  await page.selectOption('#target-kind', 'reference');
  await page.fill('#cases', 'TC_B_01_CS, TC_B_02_CS, TC_P_01_CS, TC_P_03_CS');
  await page.check('#operator-actions'); // demo mode: TC_B_02_CS waits for the operator, so Stop lands while it runs
  await page.uncheck('#html');
  await Promise.all([page.waitForURL(/\/run\.html\?id=/), page.click('#start')]);
  const runId = new URL(page.url()).searchParams.get('id') as string;

  const prompt = page.locator('.prompt');
  await prompt.locator('.instruction', { hasText: 'Reboot' }).waitFor();
  expect(await page.getAttribute('tr[data-case="TC_B_02_CS"]', 'data-verdict')).toBe('running');
  const [stopAnswer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/runs/${encodeURIComponent(runId)}/stop`)), page.click('#stop')]);
  expect(stopAnswer.status()).toBe(202);
  // The case in progress comes to its end (its open prompt is closed unanswered); no case begins after it.
  await page.locator('#run-state:not([data-state="running"])').waitFor({ timeout: FINISH_MS });
  await page.locator('tr[data-case="TC_P_03_CS"][data-verdict="notRun"]').waitFor();
  expect(await page.getAttribute('#run-state', 'data-state')).toBe('interrupted');
  expect(await page.getAttribute('tr[data-case="TC_P_01_CS"]', 'data-verdict')).toBe('notRun');
  expect(await page.getAttribute('tr[data-case="TC_B_02_CS"]', 'data-verdict')).not.toBe('notRun');

  const summary = JSON.parse(readFileSync(join(reportsDir, runId, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary).toMatchObject({ interrupted: true, state: 'interrupted' });
  const verdicts = Object.fromEntries(summary.cases.map((c) => [c.id, c.verdict]));
  expect(verdicts.TC_P_01_CS).toBe('notRun');
  expect(verdicts.TC_P_03_CS).toBe('notRun');
  expect(['passed', 'failed']).toContain(verdicts.TC_B_01_CS);
  expect(verdicts.TC_B_02_CS).not.toBe('notRun');
  expect(summary.cases.find((c) => c.id === 'TC_B_02_CS')?.reason).toMatch(/stopped while waiting for the operator/);
  expect(summary.cases.find((c) => c.id === 'TC_P_01_CS')?.reason).toBe('not run: the run was stopped before this case began');
  process.stdout.write(`Stop in Chromium: ${summary.cases.map((c) => `${c.id} ${c.verdict}`).join(', ')}\n`);
}, 120_000);

/** A page of another origin that tries to start a run on the UI three ways: JSON fetch (needs a preflight), a no-cors text/plain fetch, and a form post. */
function evilSite(ui: UiServer): Promise<Server> {
  const body = JSON.stringify({ sut: 'cs', target: 'reference', cases: 'TC_B_01_CS', html: false });
  const page = `<!doctype html><title>evil</title><body><form id="f" method="POST" action="${ui.url}/api/runs" enctype="text/plain"><input name='${body.slice(0, -1)},"x":"' value='"}'></form>
<script>
  window.results = {};
  const target = ${JSON.stringify(`${ui.url}/api/runs`)};
  const payload = ${JSON.stringify(body)};
  window.attempts = (async () => {
    try { const r = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload }); results.json = r.status; } catch (e) { results.json = 'blocked: ' + e.message; }
    try { const r = await fetch(target, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: payload }); results.noCors = r.type; } catch (e) { results.noCors = 'blocked: ' + e.message; }
    return results;
  })();
</script></body>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a page of another origin cannot start a run (fetch, no-cors fetch, form post)', async () => {
  const reportsDir = tempReportsDir();
  const ui = await startUi({ reportsDir });
  const evil = await evilSite(ui);
  const seen: { method: string; status: number; origin?: string }[] = [];
  try {
    const page = await context.newPage();
    page.on('response', async (response) => {
      if (response.url().startsWith(ui.url)) seen.push({ method: response.request().method(), status: response.status(), origin: await response.request().headerValue('origin').then((v) => v ?? undefined) });
    });
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const results = (await page.evaluate(() => (globalThis as unknown as { attempts: Promise<Record<string, string | number>> }).attempts)) as Record<string, string | number>;
    expect(String(results.json)).toMatch(/^blocked/); // the browser's preflight gets no CORS permission
    expect(results.noCors).toBe('opaque'); // sent, answer unreadable: the server refused it (below)
    const [formAnswer] = await Promise.all([page.waitForNavigation(), page.evaluate(() => (globalThis as unknown as { document: { getElementById(id: string): { submit(): void } } }).document.getElementById('f').submit())]);
    expect(formAnswer?.status()).toBe(403);
    expect(JSON.parse((await page.textContent('body')) as string).error).toMatch(/^refused: a request from "http:\/\/127\.0\.0\.1:\d+", not from this UI/);
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const post of posts) expect(post.status).toBe(403);
    // Nothing started: no run folder, no run listed.
    expect(readdirSync(reportsDir)).toEqual([]);
    const runs = (await (await fetch(`${ui.url}/api/runs`)).json()) as { runs: unknown[] };
    expect(runs.runs).toEqual([]);
    process.stdout.write(`cross-origin in Chromium: json fetch ${results.json}; no-cors fetch ${results.noCors}; form post ${formAnswer?.status()}\n`);
  } finally {
    evil.close();
  }
}, 60_000);
