// The web UI end to end in a real headless Chromium: start a run against the reference SUT, watch it live, answer its prompt, open its Allure and certification reports; hostile SUT text stays text.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { UiServer } from '../../src/web/app';
import { cleanUp, launchChromium, startUi } from './helpers';

const REPO_ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(REPO_ROOT, 'reports', 'ui-e2e');
/** A vendor name (at most 50 characters, as the config schema allows) that would run if the UI parsed SUT text as HTML. */
const HOSTILE_VENDOR = `<script>document.title='pwned'</script>`;
/** Bounds of the waits: live events arrive in milliseconds; the Allure HTML takes a few seconds. */
const LIVE_MS = 20_000;
const FINISH_MS = 60_000;

let context: BrowserContext;
let profile: string;
let ui: UiServer;
const dialogs: string[] = [];

beforeAll(async () => {
  ({ context, profile } = await launchChromium({ width: 1280, height: 900 }));
  context.setDefaultTimeout(LIVE_MS);
  context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
  ui = await startUi();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await cleanUp();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/**
 * Starts TC_B_01_CS and TC_B_02_CS of the Core profile (with the example station PICS) against the reference station
 * in demo mode, with a hostile vendor name in the uploaded config.
 */
async function startRunFromTheForm(page: Page): Promise<void> {
  await page.goto(ui.url);
  await page.locator('#fault option').nth(1).waitFor({ state: 'attached' }); // the catalogue has arrived
  await page.selectOption('#sut', 'cs');
  await page.selectOption('#target-kind', 'reference');
  await page.fill('#cases', 'TC_B_01_CS, TC_B_02_CS');
  await page.fill('#profile', 'core');
  await page.setInputFiles('#pics', join(REPO_ROOT, 'examples', 'pics-station.json'));
  await page.check('#operator-actions');
  await page.setInputFiles('#config', { name: 'station.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ station: { vendorName: HOSTILE_VENDOR } })) });
  await Promise.all([page.waitForURL(/\/run\.html\?id=/), page.click('#start')]);
}

test('start a run, follow it live, answer the prompt, open the reports', async () => {
  const page = await context.newPage();
  await startRunFromTheForm(page);
  await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

  // Live: TC_B_01_CS's steps and frames show up, then TC_B_02_CS asks the operator to reboot the station.
  const prompt = page.locator('.prompt');
  await prompt.locator('.instruction', { hasText: 'Reboot the Charging Station' }).waitFor();
  expect(await page.getAttribute('#run-state', 'data-state')).toBe('running');
  expect(await page.locator('section.case[data-case="TC_B_01_CS"] .step').count()).toBeGreaterThan(2);
  expect(await page.locator('section.case[data-case="TC_B_02_CS"] .step-running').count()).toBeGreaterThan(0);
  expect(await page.getAttribute('tr[data-case="TC_B_01_CS"]', 'data-verdict')).toBe('passed');
  await page.screenshot({ path: join(ARTIFACTS, 'run-page-prompt.png') });

  await prompt.locator('.operator-name').fill('e2e operator');
  await prompt.locator('button.done').click();
  await page.locator('#run-state[data-state="finished"]').waitFor({ timeout: FINISH_MS });
  expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await page.locator('.prompt').count()).toBe(0);
  for (const id of ['TC_B_01_CS', 'TC_B_02_CS']) expect(await page.getAttribute(`tr[data-case="${id}"]`, 'data-verdict')).toBe('passed');
  await expect(page.locator('.prompt-record').textContent()).resolves.toMatch(/^Operator: done \(by web:e2e operator, after [\d.]+ m?s\): Reboot/);

  // The vendor name with <script> is shown as text in the frames, and nothing ran.
  expect(await page.locator('.frame .raw', { hasText: HOSTILE_VENDOR }).count()).toBeGreaterThan(0);
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.title()).not.toContain('pwned');
  await page.screenshot({ path: join(ARTIFACTS, 'run-page.png') });

  // The Allure report, over HTTP.
  const allureHref = (await page.getAttribute('a#report-allure', 'href')) as string;
  expect(allureHref).toMatch(/^\/reports\/[^/]+\/allure-report\/index\.html$/);
  const allure = await context.newPage();
  const allureResponse = await allure.goto(`${ui.url}${allureHref}`);
  expect(allureResponse?.status()).toBe(200);
  const runId = new URL(page.url()).searchParams.get('id') as string;
  await allure.getByText(runId, { exact: true }).waitFor({ timeout: FINISH_MS }); // Allure rendered the run's metadata

  // The certification report of the Core profile, over HTTP.
  const certificationHref = (await page.getAttribute('a#report-certification', 'href')) as string;
  expect(certificationHref).toMatch(/^\/reports\/[^/]+\/certification-report\.html$/);
  const certification = await context.newPage();
  expect((await certification.goto(`${ui.url}${certificationHref}`))?.status()).toBe(200);
  await certification.getByText('TC_B_02_CS').first().waitFor();
  expect(await certification.title()).not.toContain('pwned');

  // The runs list has the run, its verdicts counted.
  await page.goto(ui.url);
  await page.locator('#runs tr .badge-passed', { hasText: 'passed 2' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'runs-page.png') });
  expect(await page.locator('#runs tr', { hasText: runId }).textContent()).toContain('core');
  expect(dialogs).toEqual([]);
}, 120_000);

test('paths out of reports/ are refused in the browser too', async () => {
  const page = await context.newPage();
  for (const path of ['/reports/%2e%2e%2fpackage.json', '/reports/%252e%252e%252fpackage.json', '/api/runs/..%2F..%2Fetc']) {
    const response = await page.goto(`${ui.url}${path}`);
    expect(response?.status()).toBe(400);
    expect(await page.textContent('body')).toMatch(/"error":/);
  }
});
