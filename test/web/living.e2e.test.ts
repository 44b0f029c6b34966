// The web UI for living with runs, in a real headless Chromium: filter a run's verdicts, compare two runs, re-run the failed cases, open a case's sequence diagram, edit a PICS in the start form, and a live page of 100+ cases that stays bounded.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunSummary } from '../../src/report';
import type { UiServer } from '../../src/web/app';
import { cleanUp, HOSTILE, launchChromium, seedRun, startUi, tempReportsDir } from './helpers';

const REPO_ROOT = join(__dirname, '..', '..');
/** Screenshots of this test (docs/web-runs.png and docs/web-compare.png are copies of two of them). */
const ARTIFACTS = join(REPO_ROOT, 'reports', 'ui-e2e');
const LIVE_MS = 20_000;
const FINISH_MS = 90_000;
/** The cases of the small runs (about ten): TC_B_01..03_CS fail with the fault boot.noConnectorStatus, the others pass. */
const SMALL_CASES = 'TC_B_0*, TC_P_*';
const FAULT = 'boot.noConnectorStatus';
const FAILING = ['TC_B_01_CS', 'TC_B_02_CS', 'TC_B_03_CS'];
/** A vendor name that would run if the UI parsed SUT text as HTML. */
const HOSTILE_VENDOR = `<script>document.title='pwned'</script>`;

let context: BrowserContext;
let profile: string;
let reportsDir: string;
let ui: UiServer;
const errors: string[] = [];

beforeAll(async () => {
  ({ context, profile } = await launchChromium({ width: 1280, height: 900 }));
  context.setDefaultTimeout(LIVE_MS);
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  reportsDir = tempReportsDir();
  ui = await startUi({ reportsDir });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await cleanUp();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Starts a CS run against the reference station from the form and waits for its page; returns its id. */
async function startRun(page: Page, cases: string, options: { fault?: string; profile?: string } = {}): Promise<string> {
  await page.goto(ui.url);
  await page.locator('#fault option').nth(1).waitFor({ state: 'attached' }); // the catalogue has arrived
  await page.selectOption('#sut', 'cs');
  await page.selectOption('#target-kind', 'reference');
  await page.fill('#cases', cases);
  if (options.fault) await page.selectOption('#fault', options.fault);
  if (options.profile) await page.fill('#profile', options.profile);
  await page.uncheck('#html');
  await Promise.all([page.waitForURL(/\/run\.html\?id=/), page.click('#start')]);
  return new URL(page.url()).searchParams.get('id') as string;
}

async function finished(page: Page): Promise<void> {
  await page.locator('#run-state[data-state="finished"]').waitFor({ timeout: FINISH_MS });
}

/** The case ids of the verdict rows the filters leave visible. */
async function visibleRows(page: Page): Promise<string[]> {
  return page.locator('#verdicts tr:visible').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { case: string } }).dataset.case));
}

/** The two runs of the first test, which the compare and re-run tests use (the tests of this file run in order). */
let conformant: string;
let faulty: string;

test('a run with failures: progress bar with counts, filters by verdict, block and text, the sequence diagram of a failed case', async () => {
  const page = await context.newPage();
  conformant = await startRun(page, SMALL_CASES);
  await finished(page);
  faulty = await startRun(page, SMALL_CASES, { fault: FAULT });
  await finished(page);

  const all = await visibleRows(page);
  const total = all.length;
  expect(total).toBeGreaterThan(FAILING.length);
  const line = (await page.locator('#progress-line').textContent()) as string;
  expect(line.startsWith(`${total}/${total} · 100 % · `)).toBe(true);
  expect(line.split(' · ').sort()).toEqual([`${total}/${total}`, '100 %', '3 failed', `${total - 3} passed`].sort());
  expect(await page.locator('.progressbar .seg-failed').count()).toBe(1);
  expect(await page.locator('#rerun-failed').textContent()).toBe('Re-run failed (3)');

  await page.selectOption('#filter-verdict', 'failed');
  expect(await visibleRows(page)).toEqual(FAILING);
  expect(await page.locator('#filter-count').textContent()).toBe(`showing 3 of ${total}`);
  await page.selectOption('#filter-verdict', '');
  await page.selectOption('#filter-block', 'P');
  const blockP = all.filter((id) => id.startsWith('TC_P_'));
  expect(blockP.length).toBeGreaterThan(0);
  expect(await visibleRows(page)).toEqual(blockP);
  await page.selectOption('#filter-verdict', '!ok');
  expect(await visibleRows(page)).toEqual([]);
  await page.selectOption('#filter-verdict', '');
  await page.selectOption('#filter-block', '');
  await page.fill('#filter-text', 'pending');
  expect(await visibleRows(page)).toEqual(['TC_B_02_CS']);
  await page.fill('#filter-text', 'status report of connector');
  expect(await visibleRows(page)).toEqual(FAILING);
  await page.screenshot({ path: join(ARTIFACTS, 'run-filtered.png') });
  await page.fill('#filter-text', '');

  // The failed case's sequence diagram opens in a tab of its own, its failing frame marked.
  const [trace] = await Promise.all([context.waitForEvent('page'), page.click('tr[data-case="TC_B_01_CS"] a.trace')]);
  await trace.locator('.frame.failing').first().waitFor();
  expect(await trace.locator('.band.failed').count()).toBeGreaterThan(0);
  expect(await trace.title()).toBe('TC_B_01_CS — trace');
  await trace.close();
}, 240_000);

test('compare two runs from the runs page: the three newly failing cases, nothing fixed', async () => {
  const page = await context.newPage();
  await page.goto(ui.url);
  await page.locator(`#runs tr[data-run="${faulty}"]`).waitFor();
  // One SUT (the reference station), its two runs in the trend.
  expect(await page.locator('.sut').count()).toBe(1);
  expect(await page.locator('.sut .trend a').count()).toBe(2);
  await page.check(`#runs tr[data-run="${faulty}"] input.pick`);
  await page.check(`#runs tr[data-run="${conformant}"] input.pick`);
  expect(await page.isEnabled('#compare')).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'runs-page-history.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/compare\.html\?/), page.click('#compare')]);
  const url = new URL(page.url());
  expect([url.searchParams.get('base'), url.searchParams.get('head')]).toEqual([conformant, faulty]);
  const newly = page.locator('[data-section="newlyFailing"] tbody tr');
  await newly.first().waitFor();
  expect(await newly.evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { case: string } }).dataset.case))).toEqual(FAILING);
  expect(await page.locator('[data-section="newlyFailing"] tbody tr').first().textContent()).toMatch(/passed.*failed.*did not send a status report/);
  expect(await page.locator('[data-section="fixed"] .empty').textContent()).toBe('none');
  expect(await page.locator('#other-sut').isHidden()).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'compare-page.png'), fullPage: true });
}, 60_000);

test('SUT text stays text on the compare page and the trend', async () => {
  const hostileCase = (verdict: string) => [{ id: 'TC_B_01_CS', name: HOSTILE, verdict, durationMs: 1, reason: `${verdict}: ${HOSTILE}` }];
  seedRun(reportsDir, 'hostile-a', { target: 'listen', startedAt: '2025-01-01T00:00:00.000Z', cases: hostileCase('passed') }, { 'pics.json': JSON.stringify({ sut: { vendor: HOSTILE.slice(0, 50), model: 'M', firmwareVersion: HOSTILE } }) });
  seedRun(reportsDir, 'hostile-b', { target: 'listen', startedAt: '2025-01-02T00:00:00.000Z', cases: hostileCase('failed') }, { 'pics.json': JSON.stringify({ sut: { vendor: HOSTILE.slice(0, 50), model: 'M', firmwareVersion: HOSTILE } }) });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${ui.url}/compare.html?base=hostile-a&head=hostile-b`);
  await page.locator('[data-section="newlyFailing"] tbody tr').first().waitFor();
  expect(await page.locator('[data-section="newlyFailing"] tbody tr').first().textContent()).toContain(`failed: ${HOSTILE}`);
  await page.goto(ui.url);
  await page.locator('.sut h3', { hasText: HOSTILE.slice(0, 50) }).waitFor();
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.title()).not.toContain('pwned');
  expect(dialogs).toEqual([]);
}, 60_000);

test('re-run failed: a new run of exactly the failed cases, with the options of the first, linked to it', async () => {
  const page = await context.newPage();
  await page.goto(`${ui.url}/run.html?id=${encodeURIComponent(faulty)}`);
  await page.locator('#rerun-failed:visible').waitFor();
  await Promise.all([page.waitForURL((u) => u.searchParams.get('id') !== faulty), page.click('#rerun-failed')]);
  const rerun = new URL(page.url()).searchParams.get('id') as string;
  await finished(page);
  expect(await page.locator('#verdicts tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { case: string; verdict: string } }).dataset).map((d) => `${d.case} ${d.verdict}`))).toEqual(FAILING.map((id) => `${id} failed`));
  expect(await page.locator('#rerun-of a').first().textContent()).toBe(faulty);
  const summary = JSON.parse(readFileSync(join(reportsDir, rerun, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary.fault).toBe(FAULT); // the first run's options, fault included
  expect(summary.cases.map((c) => c.id)).toEqual(FAILING);
  expect(JSON.parse(readFileSync(join(reportsDir, rerun, 'rerun-of.json'), 'utf8'))).toEqual({ runId: faulty, cases: FAILING });
  // Compared with the run it re-ran: nothing newly failing, nothing fixed.
  await Promise.all([page.waitForURL(/\/compare\.html\?/), page.click('#compare-rerun')]);
  await page.locator('[data-section="newlyFailing"]').waitFor();
  expect(await page.locator('[data-section="newlyFailing"] .empty').textContent()).toBe('none');
  expect(await page.locator('[data-section="fixed"] .empty').textContent()).toBe('none');
  const firstRun = JSON.parse(readFileSync(join(reportsDir, faulty, 'summary.json'), 'utf8')) as RunSummary;
  expect(await page.locator('[data-section="removed"] tbody tr').count()).toBe(firstRun.cases.length - FAILING.length);
}, 120_000);

test('the start form loads a PICS, shows the CLI messages for a bad or impossible one, and the run uses the edited PICS', async () => {
  const page = await context.newPage();
  await page.goto(ui.url);
  await page.locator('#fault option').nth(1).waitFor({ state: 'attached' });
  await page.fill('#cases', 'TC_B_01_CS');
  await page.fill('#profile', 'core');
  await page.uncheck('#html');
  await page.setInputFiles('#pics', join(REPO_ROOT, 'examples', 'pics-station.json'));
  await page.click('#pics-editor > summary');
  await page.locator('#pics-valid').waitFor();
  expect(await page.inputValue('#pics-vendor')).toBe('OpenOcppCt');

  await page.selectOption('[data-feature="HFS-3"]', 'no');
  await page.selectOption('[data-feature="HFS-4"]', 'no');
  await page.locator('#pics-problems li', { hasText: 'Not possible: a Charging Station supports AC (HFS-3), DC (HFS-4) or both' }).waitFor();
  expect(await page.locator('.feature-row.impossible').count()).toBe(2);
  await page.fill('#pics-vendor', '');
  await page.locator('#pics-problems li', { hasText: '/sut/vendor: must NOT have fewer than 1 characters' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'pics-editor-problems.png'), fullPage: true });
  await page.click('#start');
  await page.locator('#start-error:visible').waitFor();
  expect(await page.textContent('#start-error')).toMatch(/the uploaded PICS is not a valid PICS:\n\s+\/sut\/vendor: must NOT have fewer than 1 characters/);
  expect(page.url()).not.toMatch(/run\.html/);

  await page.fill('#pics-vendor', HOSTILE_VENDOR);
  await page.selectOption('[data-feature="HFS-3"]', 'yes');
  await page.locator('#pics-valid').waitFor();
  // The edited PICS can be saved as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pics-download')]);
  expect(download.suggestedFilename()).toBe('pics.json');
  const saved = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { sut: { vendor: string }; features: Record<string, unknown> };
  expect([saved.sut.vendor, saved.features['HFS-3'], saved.features['HFS-4']]).toEqual([HOSTILE_VENDOR, true, false]);
  await Promise.all([page.waitForURL(/\/run\.html\?id=/), page.click('#start')]);
  const id = new URL(page.url()).searchParams.get('id') as string;
  await finished(page);
  await page.locator('#report-certification[href]').waitFor();
  const used = JSON.parse(readFileSync(join(reportsDir, id, 'pics.json'), 'utf8')) as { sut: { vendor: string }; features: Record<string, unknown> };
  expect(used.sut.vendor).toBe(HOSTILE_VENDOR);
  expect(used.features['HFS-3']).toBe(true);
  expect(used.features['HFS-4']).toBe(false);
  expect(await page.textContent('#run-meta')).toContain(`SUT Charging Station · ${HOSTILE_VENDOR} RefStation (firmware 0.1.0)`);

  // The SUT's name is text everywhere: its card and row on the runs page, its certification report linked from the row.
  seedRun(reportsDir, 'another-sut', { target: 'listen', startedAt: '2025-06-01T00:00:00.000Z' });
  await page.goto(ui.url);
  await page.locator('.sut h3', { hasText: `${HOSTILE_VENDOR} RefStation` }).waitFor();
  expect(await page.locator(`#runs tr[data-run="${id}"] a.certification`).getAttribute('href')).toBe(`/reports/${id}/certification-report.html`);
  // Its card narrows the runs table to its runs.
  await page.locator('.sut', { hasText: `${HOSTILE_VENDOR} RefStation` }).locator('button.only-sut').click();
  expect(await page.locator('#runs tr:visible').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { run: string } }).dataset.run))).toEqual([id]);
  expect(await page.locator('#runs tr').count()).toBeGreaterThan(1);
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.title()).not.toContain('pwned');
}, 120_000);

test('a live run of 100+ cases: passed cases collapse and the page stays bounded', async () => {
  const page = await context.newPage();
  await startRun(page, 'TC_B_*, TC_C_*, TC_D_*, TC_P_*');
  // The rows come with the run's first live event.
  await page.locator('#verdicts tr').nth(99).waitFor({ state: 'attached' });
  const total = await page.locator('#verdicts tr').count();
  expect(total).toBeGreaterThanOrEqual(100);
  const heights: Record<string, number> = {};
  const height = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
  for (const ended of [10, 40, 80]) {
    await page.waitForFunction((n) => Number((globalThis as unknown as { document: { getElementById(id: string): { dataset: { ended: string } } } }).document.getElementById('progress-summary').dataset.ended) >= n, ended, { timeout: 240_000 });
    heights[`after ${ended}`] = await height();
    if (ended === 40) await page.screenshot({ path: join(ARTIFACTS, 'live-run-midway.png'), fullPage: true });
  }
  await page.locator('#run-state:not([data-state="running"])').waitFor({ timeout: 240_000 });
  heights.end = await height();
  const sections = await page.locator('#progress section.case').count();
  const openEnded = await page.locator('#progress section.case[data-verdict="passed"] details[open]').count();
  const frames = await page.locator('#progress .frame').count();
  await page.screenshot({ path: join(ARTIFACTS, 'live-100-cases.png'), fullPage: true });
  process.stdout.write(`live page of ${total} cases: heights ${JSON.stringify(heights)} px; ${sections} case sections and ${frames} frames left on the page\n`);
  expect(await page.locator('#progress-line').textContent()).toMatch(new RegExp(`^${total}/${total} · 100 %`));
  // Bounded: the page is about two screens high whatever the number of cases (it was 31,800 px for 100 cases), and does not grow.
  for (const h of Object.values(heights)) expect(h).toBeLessThan(2_400);
  expect(Math.max(...Object.values(heights)) - Math.min(...Object.values(heights))).toBeLessThan(300);
  expect(openEnded).toBe(0);
  expect(sections).toBeLessThanOrEqual(20 + 60);
  expect(errors).toEqual([]);
}, 300_000);
