// Turns allure-results into one self-contained HTML file with the Allure 3 CLI, so a report opens from disk (file://).
import { execFile } from 'node:child_process';
import { copyFile, lstat, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RunInfo } from '../engine/results';
import { allureResultsDir } from './allure';
import { type NamedReporter, sutSideName } from './common';
import { earlierRunsOfSameSut } from './run-history';

/** Options of {@link generateAllureHtml}. */
export interface AllureHtmlOptions {
  /** Title shown in the report. */
  readonly reportName?: string;
  /** How long the Allure CLI may run before it is killed (default {@link DEFAULT_HTML_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Allure's history file (JSON Lines, one point per report): read for the trend graphs, and this report's point appended. */
  readonly historyPath?: string;
}

/** The file in a run folder holding the Allure history of its SUT: the points of earlier runs of the same SUT, then its own. */
export const ALLURE_HISTORY_FILE = 'allure-history.jsonl';

/** How many reports of a SUT the history keeps (each point lists every case of one run). */
export const ALLURE_HISTORY_POINTS = 20;

/** Default bound on report generation; a few hundred cases take a few seconds. */
export const DEFAULT_HTML_TIMEOUT_MS = 120_000;

/** Most of the CLI's stderr worth quoting in an error. */
const STDERR_TAIL_CHARS = 2000;

/**
 * The Google Analytics tags Allure's Awesome template always embeds (plugin-awesome `analyticsEnable: true`).
 * A conformance report must not call a third party when someone opens it.
 */
const ANALYTICS = /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>[^<]*gtag\('config'[^<]*<\/script>/;

/** The Allure 3 CLI entry point of the installed `allure` package. */
function allureCliPath(): string {
  return join(dirname(require.resolve('allure')), '..', 'cli.js');
}

/** Whether a path exists and is of the given kind. */
async function isA(kind: 'file' | 'directory', path: string): Promise<boolean> {
  const s = await stat(path).catch(() => undefined);
  return kind === 'file' ? s?.isFile() === true : s?.isDirectory() === true;
}

/** Why the CLI failed, in one message. */
function failureMessage(error: Error & { killed?: boolean; code?: unknown; signal?: unknown }, stderr: string, timeoutMs: number): string {
  if (error.killed) return `Allure HTML generation timed out after ${timeoutMs} ms and was killed`;
  const detail = stderr.trim().slice(-STDERR_TAIL_CHARS) || error.message;
  return `Allure HTML generation failed (${String(error.code ?? error.signal)}): ${detail}`;
}

/** Runs the Allure CLI with Node, killing it after `timeoutMs`. */
function runAllureCli(args: readonly string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [allureCliPath(), ...args],
      { cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, _stdout, stderr) => (error ? fail(new Error(failureMessage(error, stderr, timeoutMs))) : done()),
    );
  });
}

/** Removes the analytics tags from a generated report. */
async function stripAnalytics(indexHtml: string): Promise<void> {
  const html = await readFile(indexHtml, 'utf8');
  const stripped = html.replace(ANALYTICS, '');
  if (stripped !== html) await writeFile(indexHtml, stripped, 'utf8');
}

/**
 * Generates the Allure 3 "Awesome" report of `resultsDir` as the single file `<reportDir>/index.html`
 * (data and attachments embedded, so it opens from disk without a server). Runs the CLI in a child
 * process with a bounded time; throws a clear error if the results are missing, the CLI fails or
 * times out, or no index.html was produced. Allure's analytics tags are removed. Returns the path of index.html.
 */
export async function generateAllureHtml(resultsDir: string, reportDir: string, options: AllureHtmlOptions = {}): Promise<string> {
  const results = resolve(resultsDir);
  const report = resolve(reportDir);
  const index = join(report, 'index.html');
  if (!(await isA('directory', results))) throw new Error(`Allure HTML generation: no results directory at ${results}`);
  await rm(index, { force: true });
  const args = ['awesome', '.', '--single-file', '--output', report, '--report-language', 'en'];
  if (options.reportName !== undefined) args.push('--report-name', options.reportName);
  if (options.historyPath !== undefined) args.push('--history-path', resolve(options.historyPath));
  // The results directory is the working directory, so the glob pattern is just "." whatever the path contains.
  await runAllureCli(args, results, options.timeoutMs ?? DEFAULT_HTML_TIMEOUT_MS);
  if (!(await isA('file', index))) {
    throw new Error(`Allure HTML generation: the CLI succeeded but wrote no ${index}`);
  }
  await stripAnalytics(index);
  return index;
}

/** The report title of a run. */
function reportName(info: RunInfo): string {
  return `ocpp-ct ${info.runId}: ${sutSideName(info.sut)} ${info.target}`;
}

/**
 * Reporter generating `<outDir>/allure-report/index.html` from `<outDir>/allure-results`;
 * it must come after the Allure results reporter.
 */
export function createAllureHtmlReporter(outDir: string, options: Pick<AllureHtmlOptions, 'timeoutMs'> = {}): NamedReporter {
  return {
    name: 'allure-html',
    async onRunEnd(run) {
      const historyPath = await carryAllureHistory(outDir);
      const index = await generateAllureHtml(allureResultsDir(outDir), join(outDir, 'allure-report'), { ...options, reportName: reportName(run.info), historyPath });
      return [index];
    },
  };
}

/**
 * Starts the run's Allure history from the newest earlier run of the same SUT next to it (see sutIdentity), so the
 * report's trend graphs show the runs before it; its last {@link ALLURE_HISTORY_POINTS} points are kept. A folder
 * that already has a history (a resumed run) keeps its own. Returns the history file of the run.
 */
export async function carryAllureHistory(outDir: string): Promise<string> {
  const own = join(outDir, ALLURE_HISTORY_FILE);
  if (await isA('file', own)) return own;
  for (const earlier of await earlierRunsOfSameSut(outDir)) {
    const previous = join(earlier.dir, ALLURE_HISTORY_FILE);
    // lstat: a symbolic link planted in another run's folder is not followed.
    if ((await lstat(previous).catch(() => undefined))?.isFile() !== true) continue;
    const lines = (await readFile(previous, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    if (lines.length <= ALLURE_HISTORY_POINTS - 1) await copyFile(previous, own);
    else await writeFile(own, `${lines.slice(-(ALLURE_HISTORY_POINTS - 1)).join('\n')}\n`, 'utf8');
    break;
  }
  return own;
}
