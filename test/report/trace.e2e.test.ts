// The OCPP trace viewer in a real headless Chromium: a failed case's sequence diagram marks the failing frame, shows each frame's JSON on click, and keeps SUT text as text.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadCases } from '../../src/engine/catalog';
import { runAgainstReference } from '../../src/engine/selftest';
import type { CaseResult } from '../../src/engine/results';
import { failingFrames, renderTrace } from '../../src/report/trace';

const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshot goes: reports/ (ignored by git); OCPPCT_UPDATE_DOCS=1 refreshes the copy in docs/. */
const SCREENSHOT = process.env.OCPPCT_UPDATE_DOCS === '1' ? join(__dirname, '..', '..', 'docs', 'trace-failed-case.png') : join(__dirname, '..', '..', 'reports', 'trace-e2e', 'trace-failed-case.png');

jest.setTimeout(60_000);

let browser: Browser;
let dir: string;
let failed: CaseResult;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the trace viewer test needs Debian's chromium at ${CHROMIUM}: run apt-get install chromium`);
  dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-trace-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const testCase = loadCases('CS').find((c) => c.id === 'TC_B_06_CS');
  if (!testCase) throw new Error('TC_B_06_CS is missing');
  failed = await runAgainstReference(testCase, 'variables.noAttributeType');
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the failed case is failed and the failing frame is the SUT answer the check judged', () => {
  expect(failed.verdict).toBe('failed');
  const marked = [...failingFrames(failed)];
  expect(marked.length).toBeGreaterThan(0);
  for (const index of marked) expect(failed.frames[index].direction).toBe('in');
});

test('Chromium opens the diagram: arrows by action, steps as bands, the failing frame marked and shown pretty-printed', async () => {
  const file = join(dir, 'trace.html');
  writeFileSync(file, renderTrace(failed));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`file://${file}`);
  expect(await page.locator('.band').count()).toBeGreaterThan(1);
  expect(await page.locator('.frame.out').count()).toBeGreaterThan(0);
  expect(await page.locator('.frame.in').count()).toBeGreaterThan(0);
  const marked = page.locator('.frame.failing');
  expect(await marked.count()).toBeGreaterThan(0);
  expect(await marked.first().textContent()).toContain('CALLRESULT GetVariables');
  expect(await page.locator('.band.failed .check').first().textContent()).toContain('attributeType');
  // The failing frame is selected on open; its JSON is pretty-printed in the side panel.
  expect(await page.locator('#detail pre').textContent()).toContain('\n  ');
  await page.locator('.frame.out').first().click();
  expect(await page.locator('#detail h2').textContent()).toContain('harness → SUT');
  await marked.first().click();
  await page.screenshot({ path: SCREENSHOT });
  await page.close();
});

test('SUT text stays text: a frame carrying markup does not become markup', async () => {
  const hostile: CaseResult = {
    ...failed,
    reason: '<img src=x onerror="document.title=\'pwned\'">',
    frames: [{ ...failed.frames[0], raw: '[3,"x",{"a":"</script><script>document.title=\'pwned\'</script>"}]', problem: '<b>bold</b>' }],
  };
  const file = join(dir, 'hostile.html');
  writeFileSync(file, renderTrace(hostile));
  const page = await browser.newPage();
  await page.goto(`file://${file}`);
  expect(await page.title()).not.toBe('pwned');
  expect(await page.locator('.verdict').textContent()).toContain('<img src=x');
  expect(await page.locator('b').count()).toBe(0);
  await page.close();
});
