// Checks the Allure 3 single-file HTML report is generated from allure-results, and that failures are clear.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAllureReporter } from '../../src/report/allure';
import { createAllureHtmlReporter, generateAllureHtml } from '../../src/report/allure-html';
import { CASES, sampleRun, tempOutDir } from './fixture';

/** The files a single-file Allure report embeds, decoded: path → text. */
function embeddedFiles(html: string): Map<string, string> {
  const entries = [...html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)];
  return new Map(entries.map(([, path, data]) => [path, Buffer.from(data, 'base64').toString('utf8')]));
}

describe('Allure HTML report', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await tempOutDir();
  });
  afterEach(() => rm(outDir, { recursive: true, force: true }));

  it('generates a single index.html holding every case and its data', async () => {
    const run = sampleRun(outDir);
    await createAllureReporter(outDir).onRunEnd?.(run);
    const written = await createAllureHtmlReporter(outDir).onRunEnd?.(run);
    const index = join(outDir, 'allure-report', 'index.html');
    expect(written).toEqual([index]);

    const html = await readFile(index, 'utf8');
    expect(html).not.toMatch(/googletagmanager|gtag\(/);
    const files = embeddedFiles(html);
    const results = [...files].filter(([path]) => path.startsWith('data/test-results/')).map(([, text]) => JSON.parse(text));
    expect(results.map((r) => r.name).sort()).toEqual(CASES.map((c) => `${c.info.id} ${c.info.name}`).sort());
    expect(results.map((r) => r.status).sort()).toEqual(['broken', 'failed', 'passed', 'skipped']);
    expect(files.get('widgets/allure_environment.json')).toContain('reject-boot');
    expect([...files.values()].some((text) => text.includes('"messageId":"m2"'))).toBe(true);
  });

  it('fails clearly without results, and when the CLI runs out of time', async () => {
    await expect(generateAllureHtml(join(outDir, 'missing'), join(outDir, 'report'))).rejects.toThrow(/no results directory at .*missing/);
    await createAllureReporter(outDir).onRunEnd?.(sampleRun(outDir));
    await expect(generateAllureHtml(join(outDir, 'allure-results'), join(outDir, 'report'), { timeoutMs: 1 })).rejects.toThrow(/timed out after 1 ms/);
  });
});
