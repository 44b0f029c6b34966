// The real `ocpp-ct` CLI as a user runs it: exit statuses, reports on disk, usage errors, and runs over the network between separate processes.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { loadCases } from '../../src/engine/catalog';
import type { SutRole } from '../../src/engine/results';
import { CSMS_FAULTS, STATION_FAULTS } from '../../src/reference/faults';
import type { RunSummary } from '../../src/report';
import { freePort, freshOutDir, removeOutDirs, REPO_ROOT, runCli, startCli, stopAll, type CliExit, type CliProcess, within } from './cli-process';

/** Bounds of the waits: a CLI start compiles the sources, a run against the reference SUTs takes a few seconds. */
const START_MS = 15_000;
const RUN_MS = 30_000;
/** A whole side in one run: every case in sequence on shared lanes, which is how a real SUT is tested (it also catches state one case leaves behind for the next). */
const WHOLE_SIDE_MS = 300_000;

afterEach(stopAll);
afterAll(removeOutDirs);

/** Cases that talk to a real SUT use short waits, so a broken run ends well inside the test's bound. */
const SHORT_WAITS = { timeouts: { messageMs: 3_000, connectMs: 8_000, operatorMs: 10_000, caseMs: 20_000 } };

function writeConfig(content: string): string {
  const file = join(freshOutDir(), 'run-config.json');
  writeFileSync(file, content);
  return file;
}

const readSummary = (out: string): RunSummary => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RunSummary;
const verdicts = (summary: RunSummary): Record<string, string> => Object.fromEntries(summary.cases.map((c) => [c.id, c.verdict]));
const caseIds = (sut?: SutRole): string[] => loadCases(sut).map((c) => c.id);

/** Fails with the process output when the exit status is not `code`. */
function expectExit(exit: CliExit, code: number): void {
  if (exit.code !== code) throw new Error(`expected exit ${code}, got ${exit.code ?? exit.signal}\n--- stdout ---\n${exit.stdout}\n--- stderr ---\n${exit.stderr}`);
}

interface AllureResult {
  readonly name: string;
  readonly status: string;
  readonly attachments: readonly { readonly name: string; readonly source: string }[];
}

function allureResults(out: string): AllureResult[] {
  const dir = join(out, 'allure-results');
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult);
}

describe('run against the in-process reference SUTs', () => {
  test('every CS case passes, with a verdict table and every report on disk', async () => {
    const out = freshOutDir();
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--out', out, '--no-html'], WHOLE_SIDE_MS);
    expectExit(exit, 0);
    const ids = caseIds('CS');
    expect(exit.stdout).toMatch(/^ID\s+VERDICT\s+MS\s+REASON$/m);
    for (const id of ids) expect(exit.stdout).toMatch(new RegExp(`^${id}\\s+\\S+\\s+passed\\s+\\d+`, 'm'));
    expect(exit.stdout).toContain(`${ids.length} case(s): ${ids.length} passed, 0 failed`);

    const summary = readSummary(out);
    expect(summary).toMatchObject({ sut: 'CS', target: 'reference', counts: { passed: ids.length, failed: 0, inconclusive: 0, notApplicable: 0, error: 0 } });
    expect(summary.cases.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(Object.values(verdicts(summary))).toEqual(ids.map(() => 'passed'));

    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml/);
    for (const id of ids) expect(junit).toContain(id);

    for (const id of ids) {
      const lines = readFileSync(join(out, 'messages', `${id}.jsonl`), 'utf8').trim().split('\n');
      const entries = lines.map((line) => JSON.parse(line) as { kind: string; direction?: string; raw?: unknown });
      const frames = entries.filter((e) => e.kind === 'frame');
      expect(frames.length).toBeGreaterThan(0);
      for (const frame of frames) {
        expect(['in', 'out']).toContain(frame.direction);
        expect(typeof frame.raw).toBe('string');
      }
    }

    const results = allureResults(out);
    expect(results.map((r) => r.name.split(' ')[0]).sort()).toEqual([...ids].sort());
    expect(results.every((r) => r.status === 'passed')).toBe(true);
    expect(existsSync(join(out, 'allure-report'))).toBe(false);
  }, WHOLE_SIDE_MS);

  test('a fault the case detects fails the run with exit 1 and a reason in summary.json', async () => {
    const out = freshOutDir();
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--fault', 'dataTransfer.acceptsUnknownVendor', '--cases', 'TC_P_01_CS', '--out', out, '--no-html'], RUN_MS);
    expectExit(exit, 1);
    const summary = readSummary(out);
    expect(summary.fault).toBe('dataTransfer.acceptsUnknownVendor');
    expect(summary.cases).toEqual([expect.objectContaining({ id: 'TC_P_01_CS', verdict: 'failed', reason: expect.stringContaining('DataTransferResponse.status') })]);
  }, RUN_MS);

  test('with HTML: writes the Allure report and prints where it is', async () => {
    const out = freshOutDir();
    const exit = await runCli(['run', '--sut', 'csms', '--target', 'reference', '--cases', 'TC_P_02_CSMS', '--out', out], 60_000);
    expectExit(exit, 0);
    const index = join(out, 'allure-report', 'index.html');
    const printed = /^HTML report: (.+)$/m.exec(exit.stdout);
    expect(printed).not.toBeNull();
    expect(resolve(REPO_ROOT, (printed as RegExpExecArray)[1])).toBe(index);
    expect(statSync(index).size).toBeGreaterThan(10_000);
    expect(readFileSync(index, 'utf8')).toMatch(/<html/i);
  }, 60_000);
});

describe('usage errors exit 2 with a message and write nothing', () => {
  const unknownField = () => ['--config', writeConfig(JSON.stringify({ timeouts: { messageMs: 100, bogusTimeout: 5 } }))];
  const notJson = () => ['--config', writeConfig('{ "timeouts": ')];
  test.each<[string, () => string[], RegExp]>([
    ['an unknown fault', () => ['--sut', 'cs', '--target', 'reference', '--fault', 'no.suchFault'], /unknown fault 'no\.suchFault' for --sut cs; known: .*dataTransfer\.acceptsUnknownVendor/],
    ['--sut missing', () => ['--target', 'reference'], /required option '--sut <side>' not specified/],
    ['a nonsense --target for a CSMS', () => ['--sut', 'csms', '--target', 'nonsense'], /--target is 'reference' or a ws:\/\/ or wss:\/\/ URL, not 'nonsense'/],
    ['a nonsense --target for a station', () => ['--sut', 'cs', '--target', 'nonsense'], /--target is 'reference' or 'listen', not 'nonsense'/],
    ['--cases matching nothing', () => ['--sut', 'cs', '--target', 'reference', '--cases', 'TC_Z_*'], /no implemented CS case matches 'TC_Z_\*'/],
    ['a config file with an unknown field', () => ['--sut', 'cs', '--target', 'reference', ...unknownField()], /not a valid run config:[\s\S]*\/timeouts: .*'bogusTimeout'/],
    ['a config file that is not JSON', () => ['--sut', 'cs', '--target', 'reference', ...notJson()], /run-config\.json is not JSON/],
    ['--fault with a real target', () => ['--sut', 'csms', '--target', 'ws://127.0.0.1:9/ocpp', '--fault', 'boot.rejectsStation'], /--fault only applies to --target reference/],
  ])('%s', async (_what, args, message) => {
    const out = freshOutDir();
    const exit = await runCli(['run', ...args(), '--out', out, '--no-html'], START_MS);
    expectExit(exit, 2);
    expect(exit.stderr).toMatch(message);
    expect(exit.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(exit.stdout).not.toContain('Running');
    expect(readdirSync(out)).toEqual([]);
  }, START_MS);
});

describe('list and help', () => {
  test('list --json: every implemented case with its facts', async () => {
    const exit = await runCli(['list', '--json'], START_MS);
    expectExit(exit, 0);
    const rows = JSON.parse(exit.stdout) as { id: string; name: string; sut: string; block: string; detects: string[] }[];
    expect(rows.map((r) => r.id)).toEqual(caseIds());
    for (const row of rows) {
      expect(row).toEqual(expect.objectContaining({ id: expect.stringMatching(/^TC_[A-P]_\d+_(CS|CSMS)$/), name: expect.any(String), block: row.id.split('_')[1] }));
      expect(row.id.endsWith(`_${row.sut}`)).toBe(true);
      expect(row.name.length).toBeGreaterThan(0);
      expect(row.detects.length).toBeGreaterThan(0);
    }
  }, START_MS);

  test('list --faults --json: both fault catalogues', async () => {
    const exit = await runCli(['list', '--faults', '--json'], START_MS);
    expectExit(exit, 0);
    expect(JSON.parse(exit.stdout)).toEqual({ CS: STATION_FAULTS, CSMS: CSMS_FAULTS });
  }, START_MS);

  test.each(['run', 'list', 'demo'])('%s --help exits 0 and shows its usage', async (command) => {
    const exit = await runCli([command, '--help'], START_MS);
    expectExit(exit, 0);
    expect(exit.stdout).toContain(`Usage: ocpp-ct ${command} [options]`);
  }, START_MS);
});

describe('over the network, SUT and harness in separate processes', () => {
  /** Starts `ocpp-ct reference csms` on a free port and resolves with the URL to give `run --target` once it listens. */
  async function referenceCsms(...extra: string[]): Promise<{ csms: CliProcess; url: string }> {
    const port = await freePort();
    const csms = startCli('reference', 'csms', '--port', String(port), ...extra);
    await csms.waitForOutput(/listening at \S+/, START_MS);
    return { csms, url: `ws://127.0.0.1:${port}/ocpp` };
  }

  test('a separate reference CSMS passes, then fails once restarted with a fault', async () => {
    const good = await referenceCsms();
    const out = freshOutDir();
    const config = writeConfig(JSON.stringify(SHORT_WAITS));
    expectExit(await runCli(['run', '--sut', 'csms', '--target', good.url, '--cases', 'TC_B_01_CSMS,TC_P_*', '--config', config, '--out', out, '--no-html'], RUN_MS), 0);
    expect(readSummary(out)).toMatchObject({ target: good.url, counts: { passed: 3 } });
    // The traffic went to the other process, not to an in-process reference.
    await good.csms.waitForOutput(/station OCPPCT001 connected from 127\.0\.0\.1/, START_MS, 'stderr');
    expect((await good.csms.stop()).code).toBe(0);

    const faulty = await referenceCsms('--fault', 'boot.rejectsStation');
    const failedOut = freshOutDir();
    expectExit(await runCli(['run', '--sut', 'csms', '--target', faulty.url, '--cases', 'TC_B_01_CSMS', '--config', config, '--out', failedOut, '--no-html'], RUN_MS), 1);
    expect(readSummary(failedOut).cases).toEqual([expect.objectContaining({ id: 'TC_B_01_CSMS', verdict: 'failed', reason: expect.stringContaining('Rejected') })]);
  }, 2 * RUN_MS);

  test('a case needing an operator action prompts in the terminal; answering c makes it inconclusive', async () => {
    const { url } = await referenceCsms();
    const out = freshOutDir();
    const run = startCli('run', '--sut', 'csms', '--target', url, '--cases', 'TC_B_02_CSMS', '--config', writeConfig(JSON.stringify(SHORT_WAITS)), '--out', out, '--no-html');
    await run.waitForOutput(/OPERATOR ACTION \(TC_B_02_CSMS\)[\s\S]*type c and Enter/, START_MS);
    expect(run.stdout).toContain("answers the next BootNotification of station 'OCPPCT001' with status Pending");
    run.child.stdin.write('c\n');
    expectExit(await run.waitForExit(RUN_MS), 1);

    const [result] = readSummary(out).cases;
    expect(result).toMatchObject({ id: 'TC_B_02_CSMS', verdict: 'inconclusive', reason: expect.stringMatching(/^the operator could not perform: .*Pending/) });
    const [allure] = allureResults(out);
    const prompts = allure.attachments.find((a) => a.name === 'prompts.json');
    expect(prompts).toBeDefined();
    const recorded = JSON.parse(readFileSync(join(out, 'allure-results', (prompts as { source: string }).source), 'utf8')) as unknown;
    expect(recorded).toEqual([expect.objectContaining({ answer: 'cannot', answeredBy: expect.stringMatching(/^terminal:/), instruction: expect.stringContaining('Pending') })]);
  }, RUN_MS);

  test('a separate reference station connects to a listening harness and passes', async () => {
    const port = await freePort();
    const out = freshOutDir();
    const config = writeConfig(JSON.stringify(SHORT_WAITS));
    const run = startCli('run', '--sut', 'cs', '--target', 'listen', '--port', String(port), '--config', config, '--cases', 'TC_B_01_CS,TC_P_*', '--out', out, '--no-html');
    const [, listenUrl] = await run.waitForOutput(/Running 4 CS case\(s\) against a station connecting to (\S+)/, START_MS);
    expect(listenUrl).toBe(`ws://127.0.0.1:${port}/ocpp/OCPPCT001`);
    const station = startCli('reference', 'station', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--config', config);
    await station.waitForOutput(/reference station OCPPCT001 connected/, START_MS);
    expectExit(await run.waitForExit(RUN_MS), 0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ sut: 'CS', target: 'listen' });
    // TC_P_04_CS needs a station declared to support Smart Charging, which this config does not.
    expect(verdicts(summary)).toEqual({ TC_B_01_CS: 'passed', TC_P_01_CS: 'passed', TC_P_03_CS: 'passed', TC_P_04_CS: 'notApplicable' });
  }, RUN_MS);

  test('the reference station process keeps running after its CSMS drops the connection, until Ctrl-C', async () => {
    const port = await freePort();
    const server = new WebSocketServer({ host: '127.0.0.1', port, handleProtocols: () => 'ocpp2.0.1' });
    try {
      let count = 0;
      const waiters = new Set<() => void>();
      server.on('connection', (socket) => {
        count++;
        if (count === 1) socket.close(1001, 'CSMS going away');
        waiters.forEach((check) => check());
      });
      const connection = (n: number) =>
        new Promise<string>((resolveConnection) => {
          const check = () => count >= n && waiters.delete(check) && resolveConnection(`connection ${n}`);
          waiters.add(check);
          check();
        });
      const station = startCli('reference', 'station', '--csms-url', `ws://127.0.0.1:${port}/ocpp`);
      const exited = station.exited.then((exit) => `exited with ${exit.code ?? exit.signal}`);
      expect(await within(START_MS, 'the station to connect', Promise.race([connection(1), exited]))).toBe('connection 1');
      // Dropped by its CSMS, the station must connect again (as a real one would), not end the process.
      expect(await within(START_MS, 'the station to reconnect or exit', Promise.race([connection(2), exited]))).toBe('connection 2');
      expect((await station.stop()).code).toBe(0);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  }, 2 * START_MS);
});
