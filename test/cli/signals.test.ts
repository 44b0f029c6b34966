// A run stopped by a real signal (SIGTERM, SIGKILL, SIGINT) in a real child process leaves reports that say what ran, what was cut short and what never ran; --resume finishes it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../../src/report';
import { freshOutDir, removeOutDirs, startCli, stopAll, type CliProcess } from './cli-process';

/** Cases of Block B that pass against the reference station; together they take several seconds, so a signal after the third lands mid-run. */
const CASES = 'TC_B_0*,TC_B_1*';
/** Bounds: a CLI start compiles the sources; the whole selection takes about 10 s. */
const START_MS = 30_000;
const RUN_MS = 90_000;

afterEach(stopAll);
afterAll(removeOutDirs);

/** One lane, so cases end one after another and the order on the console is the order on disk. */
function oneLaneConfig(): string {
  const file = join(freshOutDir(), 'one-lane.json');
  writeFileSync(file, JSON.stringify({ lanes: 1 }));
  return file;
}

const readSummary = (out: string): RunSummary => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RunSummary;

/** The ids of the cases whose end the console has printed so far (`✔ passed  TC_B_01_CS  …`). */
function endedOnConsole(cli: CliProcess): string[] {
  return [...cli.stdout.matchAll(/^\S \S+\s+(TC_\w+)\s/gm)].map((m) => m[1]);
}

/** Starts a run of CASES into a fresh folder and waits until the console shows `count` ended cases. */
async function runUntilEnded(count: number): Promise<{ cli: CliProcess; out: string }> {
  const out = freshOutDir();
  const cli = startCli('run', '--sut', 'cs', '--target', 'reference', '--cases', CASES, '--config', oneLaneConfig(), '--out', out, '--no-html');
  await cli.waitForOutput(new RegExp(`(?:^\\S \\S+\\s+TC_\\w+\\s.*\\n(?:    .*\\n)*){${count}}`, 'm'), START_MS);
  return { cli, out };
}

/** Every case once, in the summary, with the verdicts the console printed for the cases it showed ended. */
function expectEveryCaseOnce(summary: RunSummary): void {
  const ids = summary.cases.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(15);
}

let interruptedRun: string | undefined;

test('SIGTERM after some cases: summary.json holds each finished case, interrupted: true, the rest notRun; exit 143', async () => {
  const { cli, out } = await runUntilEnded(3);
  cli.child.kill('SIGTERM');
  const exit = await cli.waitForExit(RUN_MS);
  expect(exit.code).toBe(143);
  expect(exit.stderr).toContain('SIGTERM: stopping the case in progress');
  const summary = readSummary(out);
  expect(summary).toMatchObject({ state: 'interrupted', interrupted: true });
  expectEveryCaseOnce(summary);
  const verdict = new Map(summary.cases.map((c) => [c.id, c]));
  const ended = endedOnConsole(cli).filter((id) => verdict.get(id)?.verdict !== 'notRun');
  expect(ended.length).toBeGreaterThanOrEqual(3);
  // Every case the console showed ended before the signal is there with a real verdict.
  for (const id of endedOnConsole(cli).slice(0, 3)) expect(['passed', 'failed']).toContain(verdict.get(id)?.verdict);
  const notRun = summary.cases.filter((c) => c.verdict === 'notRun');
  expect(notRun.length).toBeGreaterThan(0);
  for (const c of notRun) expect(c.reason).toBe('not run: the run was interrupted (SIGTERM) before this case began');
  // A case cut short in the middle says so.
  for (const c of summary.cases.filter((x) => x.verdict === 'inconclusive')) expect(c.reason).toMatch(/^interrupted/);
  expect(summary.counts.notRun).toBe(notRun.length);
  interruptedRun = out;
}, 120_000);

test('--resume finishes the interrupted run in its folder: every case once, none notRun', async () => {
  if (!interruptedRun) throw new Error('the SIGTERM test did not leave an interrupted run');
  const before = readSummary(interruptedRun);
  const finishedBefore = before.cases.filter((c) => c.verdict !== 'notRun' && !/^interrupted/.test(c.reason));
  const cli = startCli('run', '--resume', interruptedRun, '--no-html');
  const exit = await cli.waitForExit(RUN_MS);
  expect([0, 1]).toContain(exit.code);
  const after = readSummary(interruptedRun);
  expect(after).toMatchObject({ state: 'finished', interrupted: false, runId: before.runId });
  expectEveryCaseOnce(after);
  expect(after.cases.map((c) => c.id)).toEqual(before.cases.map((c) => c.id));
  expect(after.counts.notRun).toBe(0);
  // What had finished is kept as it was; only the rest ran now.
  for (const c of finishedBefore) expect(after.cases.find((x) => x.id === c.id)).toMatchObject({ verdict: c.verdict, reason: c.reason, startedAt: c.startedAt });
  expect(exit.stdout).toContain(`Running ${before.cases.length - finishedBefore.length} CS case(s)`);
  // Each case has one Allure result and one message log.
  const results = readFileSync(join(interruptedRun, 'junit.xml'), 'utf8');
  expect(results.match(/<testcase /g)).toHaveLength(after.cases.length);
  expect(results).not.toContain('notRun');
}, 120_000);

test('SIGKILL mid-run: every case finished before the kill is in summary.json, and junit.xml is whole', async () => {
  const { cli, out } = await runUntilEnded(4);
  cli.child.kill('SIGKILL');
  const exit = await cli.waitForExit(RUN_MS);
  expect(exit.signal).toBe('SIGKILL');
  const summary = readSummary(out); // valid JSON: written atomically
  expect(summary.state).toBe('running');
  expectEveryCaseOnce(summary);
  const verdict = new Map(summary.cases.map((c) => [c.id, c.verdict]));
  // A case's line is printed before its summary entry is written, and the next case begins only after: all but the last printed are on disk.
  const printed = endedOnConsole(cli);
  expect(printed.length).toBeGreaterThanOrEqual(4);
  for (const id of printed.slice(0, -1)) expect(['passed', 'failed']).toContain(verdict.get(id));
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<\/testsuites>\n$/);
}, 120_000);

test('SIGINT: exit 130 and junit.xml reports the cases that did not run', async () => {
  const { cli, out } = await runUntilEnded(3);
  cli.child.kill('SIGINT');
  const exit = await cli.waitForExit(RUN_MS);
  expect(exit.code).toBe(130);
  const summary = readSummary(out);
  const notRun = summary.cases.filter((c) => c.verdict === 'notRun');
  expect(notRun.length).toBeGreaterThan(0);
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  for (const c of notRun) {
    const testcase = new RegExp(`<testcase classname="B" name="${c.id} [^"]*" time="0\\.000"><skipped message="notRun: not run: the run was interrupted \\(SIGINT\\) before this case began" type="notRun"/>`);
    expect(junit).toMatch(testcase);
  }
  expect(junit).toContain('<property name="state" value="interrupted"/>');
  expect(Number(/<testsuites [^>]*skipped="(\d+)"/.exec(junit)?.[1])).toBeGreaterThanOrEqual(notRun.length);
}, 120_000);

test('a second SIGINT quits at once, keeping what is on disk', async () => {
  const { cli, out } = await runUntilEnded(2);
  cli.child.kill('SIGINT');
  await cli.waitForOutput(/SIGINT: stopping/, START_MS, 'stderr');
  cli.child.kill('SIGINT');
  const exit = await cli.waitForExit(RUN_MS);
  expect(exit.code).toBe(130);
  expect(() => readSummary(out)).not.toThrow();
}, 120_000);

test('SIGHUP (the terminal went away): exit 129, the run marked interrupted', async () => {
  const { cli, out } = await runUntilEnded(2);
  cli.child.kill('SIGHUP');
  const exit = await cli.waitForExit(RUN_MS);
  expect(exit.code).toBe(129);
  expect(readSummary(out)).toMatchObject({ interrupted: true, state: 'interrupted' });
}, 120_000);
