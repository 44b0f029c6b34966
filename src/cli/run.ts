/** `ocpp-ct run` and `ocpp-ct demo`: select cases, open lanes against the SUT, run, and write the reports. */
import { Option, type Command } from 'commander';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readConfigFile, REFERENCE_PRESET, resolveConfig, type RunConfig, type RunConfigFile } from '../engine/config';
import type { Target } from '../engine/lane';
import type { Driver } from '../drivers/driver';
import type { CaseResult, Reporter, RunResult, SutRole } from '../engine/results';
import { runCases, type RunPlan } from '../engine/runner';
import type { TestCase } from '../engine/testcase';
import { httpDriver } from '../drivers/http';
import { promptDriver } from '../drivers/prompt';
import { faultsOf } from '../reference/faults';
import { combineReporters, createReporters, generateAllureHtml } from '../report';
import { signingIdentityFrom } from '../report/signature';
import { TOOL_VERSION } from '../version';
import { EXIT, parsePort, portInUse, timestamp, toRole, UsageError } from './common';
import { INVOCATION_FILE, type RunAgain, runAgainFrom, type RunInvocation } from './resume';
import { selectRunCases } from './profiles';

/** Adds `run` and `demo` to the program. */
export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description('run test cases against a SUT and write the reports (Ctrl-C, SIGTERM or SIGHUP: the case in progress ends inconclusive, the reports are written, the rest are listed as notRun)')
    .addOption(new Option('--sut <side>', 'which system is under test: cs (a Charging Station) or csms; required unless --resume or --rerun-failed').choices(['cs', 'csms']))
    .option('--target <target>', 'required unless --resume or --rerun-failed: reference (the built-in SUT), listen (sut cs: wait for the station to connect), or the ws:// / wss:// URL of the CSMS without the station id (sut csms)')
    .option('--cases <patterns>', "case ids or globs, comma separated (e.g. 'TC_B_*')")
    .option('--config <file>', 'run configuration (JSON, see schemas/run-config.schema.json)')
    .option('--profile <ids>', "certification profiles to run, comma separated (e.g. 'core,smart-charging'; needs --pics): every case they list is run or reported as notApplicable / notImplemented, with a certification report")
    .option('--pics <file>', "the SUT's PICS (JSON, see schemas/pics.schema.json): identity, claimed profiles, features, layout, configured values")
    .option('--out <dir>', 'output folder (default reports/<run id>)')
    .option('--fault <name>', 'switch a fault on in the reference SUT (see `ocpp-ct list --faults`)')
    .option('--port <n>', 'with --target listen: the port the harness serves on', parsePort)
    .addOption(new Option('--driver <kind>', 'how SUT-side actions are done for a real SUT: prompt (the operator) or http (a webhook per action, drivers.http.url of the config)').choices(['prompt', 'http']).default('prompt'))
    .option('--no-html', 'skip the Allure HTML report')
    .addOption(new Option('--reporter <style>', 'how the terminal shows the run: list (a line per case, with a live status line on a terminal), dot (a character per case) or json (one JSON object per line)').choices(['list', 'dot', 'json']).default('list'))
    .option('--resume <run dir>', 'run the cases an interrupted run did not finish, into its folder, with the options it was started with')
    .option('--rerun-failed <run dir>', 'run again, with the options that run was started with, every case of it that did not pass and was not applicable (into --out or a new folder)')
    .exitOverride()
    .action(async (options: RunOptions & { resume?: string; rerunFailed?: string }) => {
      const { result, signal } = await runCommand(...runOptionsOf(options));
      process.exitCode = exitStatus(result, signal);
      // A case cut short may still hold timers and sockets: what matters is on disk, so leave now.
      if (signal) process.exit(process.exitCode);
    });

  program
    .command('demo')
    .description('what `npm start` runs: every implemented case, both sides, against the reference SUTs, then the reports')
    .option('--out <dir>', 'output folder (default reports/demo-<time>)')
    .option('--no-html', 'skip the Allure HTML report')
    .exitOverride()
    .action(async (options: { out?: string; html: boolean }) => {
      const base = resolve(options.out ?? join('reports', `demo-${timestamp()}`));
      const results: RunResult[] = [];
      for (const sut of ['cs', 'csms'] as const) {
        const { result, signal } = await runCommand({ sut, target: 'reference', out: join(base, sut), html: options.html, driver: 'prompt' });
        results.push(result);
        if (signal) process.exit(exitStatus(result, signal));
      }
      const bad = results.flatMap((r) => r.cases).filter((c) => c.verdict !== 'passed' && c.verdict !== 'notApplicable');
      process.stdout.write(`\nDemo finished: ${results.reduce((n, r) => n + r.cases.length, 0)} cases, ${bad.length} not passed. Reports under ${relative(process.cwd(), base) || '.'}\n`);
      if (options.html) {
        const html = await combinedAllureReport(base, ['cs', 'csms']);
        process.stdout.write(`HTML report of both sides: ${relative(process.cwd(), html)}\n`);
      }
      process.exitCode = bad.length > 0 ? EXIT.failed : EXIT.ok;
    });
}

/** The options of `ocpp-ct run`. */
export interface RunOptions {
  readonly sut: 'cs' | 'csms';
  readonly target: string;
  readonly cases?: string;
  readonly config?: string;
  readonly out?: string;
  readonly fault?: string;
  readonly port?: number;
  readonly driver: 'prompt' | 'http';
  readonly html: boolean;
  readonly profile?: string;
  readonly pics?: string;
  /** How the terminal shows the run (default list). */
  readonly reporter?: 'list' | 'dot' | 'json';
}

function parseTarget(sut: SutRole, target: string): Target {
  if (target === 'reference') return { kind: 'reference' };
  if (sut === 'CS') {
    if (target === 'listen') return { kind: 'listen' };
    throw new UsageError(`with --sut cs, --target is 'reference' or 'listen', not '${target}'`);
  }
  if (/^wss?:\/\/[^/]+/.test(target)) return { kind: 'url', url: target };
  throw new UsageError(`with --sut csms, --target is 'reference' or a ws:// or wss:// URL, not '${target}'`);
}

/** What a programmatic caller adds to the run options: live reporters, where progress goes, config layers. */
export interface PrepareHooks {
  /** Reporters called before the standard ones (a live view). */
  readonly reporters?: readonly Reporter[];
  /** Stream for the console progress (default stdout), or false for none. */
  readonly console?: NodeJS.WritableStream | false;
  /** Config layers over the reference preset and under `--config` and `--port`. */
  readonly configLayers?: readonly RunConfigFile[];
  /** The run id (default `<time>-<side>`). */
  readonly runId?: string;
  /** `--resume` / `--rerun-failed`: only these cases run; `carried` results (of `--resume`) are taken over as they are. */
  readonly again?: Pick<RunAgain, 'only' | 'carried'>;
}

/** A run that is checked and set up (cases selected, config resolved, output folder made) but not started. */
export interface PreparedRun {
  readonly sut: SutRole;
  readonly target: Target;
  readonly config: RunConfig;
  readonly cases: readonly TestCase[];
  readonly outDir: string;
  /** Runs the cases and writes the reports; `driver` is needed for a real SUT. */
  run(how: Pick<RunPlan, 'driver' | 'wrapReferenceDriver' | 'signal' | 'stopAfterCase'>): Promise<RunResult>;
  /** Removes the output folder if this run made it (a run that could not start leaves nothing behind). */
  discard(): void;
}

/** The reusable core of `ocpp-ct run` (also used by the web UI): checks the options, throwing UsageError / ConfigError with the reason, and sets the run up. */
export function prepareRun(options: RunOptions, hooks: PrepareHooks = {}): PreparedRun {
  const sut = toRole(options.sut);
  const target = parseTarget(sut, options.target);
  if (options.fault !== undefined) {
    if (target.kind !== 'reference') throw new UsageError('--fault only applies to --target reference');
    if (!(options.fault in faultsOf(sut))) throw new UsageError(`unknown fault '${options.fault}' for --sut ${options.sut}; known: ${Object.keys(faultsOf(sut)).join(', ')}`);
  }
  const selection = selectRunCases(options, sut);
  const { profiles, configLayer, certification } = selection;
  const { cases, notRun } = narrowTo(selection, hooks.again);
  const runId = hooks.runId ?? `${timestamp()}-${options.sut}`;
  const outDir = resolve(options.out ?? join('reports', runId));
  // Block N: log uploads are evidence of the run, so they land in its folder unless the config says otherwise.
  const uploads = { logReceiver: { saveDir: join(outDir, 'uploads') } };
  const config = resolveConfig(target.kind === 'reference' ? REFERENCE_PRESET : undefined, uploads, configLayer, ...(hooks.configLayers ?? []), options.config ? readConfigFile(options.config) : undefined, options.port === undefined ? undefined : { csms: { port: options.port } });
  // Read before the output folder is made, so a bad signing key is refused without leaving an empty folder.
  const signing = signingIdentityFrom(config.reports);
  const made = !existsSync(outDir);
  mkdirSync(outDir, { recursive: true });
  if (!hooks.again?.carried.length) writeInvocation(outDir, options, hooks);
  const reporter = combineReporters([...(hooks.reporters ?? []), ...createReporters({ outDir, html: options.html, console: hooks.console, consoleStyle: options.reporter, certification: certification && { ...certification, lab: { name: config.reports?.lab, operator: config.reports?.operator }, signing }, resume: (hooks.again?.carried.length ?? 0) > 0, requirementUrl: config.reports?.requirementUrl })]);
  return {
    sut,
    target,
    config,
    cases,
    outDir,
    run: (how) =>
      runCases({
        info: { runId, toolVersion: TOOL_VERSION, sut, target: target.kind === 'url' ? target.url : target.kind, fault: options.fault, profiles, startedAt: new Date().toISOString(), outDir },
        cases,
        notRun,
        reporter,
        target,
        config,
        fault: options.fault,
        ...how,
      }),
    discard: () => {
      if (made) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The selection narrowed to the cases run again; the results taken over replace the decided ones with the same id. */
function narrowTo(selection: { readonly cases: readonly TestCase[]; readonly notRun: readonly CaseResult[] }, again: PrepareHooks['again']): { cases: readonly TestCase[]; notRun: readonly CaseResult[] } {
  if (!again) return selection;
  const carried = new Set(again.carried.map((c) => c.info.id));
  const cases = selection.cases.filter((c) => again.only.has(c.id));
  const decided = selection.notRun.filter((c) => !carried.has(c.info.id) && (again.carried.length > 0 || again.only.has(c.info.id)));
  if (cases.length + decided.length === 0) throw new UsageError(`none of the cases to run again (${[...again.only].join(', ')}) is selected by that run's options any more`);
  return { cases, notRun: [...decided, ...again.carried] };
}

/** Writes `run.json`: how this run was started, so `--resume` and `--rerun-failed` can start it again. */
function writeInvocation(outDir: string, options: RunOptions, hooks: PrepareHooks): void {
  const absolute = (path: string | undefined) => (path === undefined ? undefined : resolve(path));
  const invocation: RunInvocation = {
    sut: options.sut,
    target: options.target,
    cases: options.cases,
    config: absolute(options.config),
    profile: options.profile,
    pics: absolute(options.pics),
    fault: options.fault,
    port: options.port,
    driver: options.driver,
    html: options.html,
    configLayers: hooks.configLayers?.length ? hooks.configLayers : undefined,
  };
  writeFileSync(join(outDir, INVOCATION_FILE), `${JSON.stringify(invocation, null, 2)}\n`);
}

/** The exit status of a signal: 128 + its number, as shells report it. */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** The signals that interrupt a run. */
const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** 0 when every case passed or was not applicable, 1 otherwise; an interrupted run exits with its signal's status, never 0. */
export function exitStatus(result: RunResult, signal?: NodeJS.Signals): number {
  if (result.interrupted) return SIGNAL_EXIT[signal ?? 'SIGINT'] ?? EXIT.failed;
  return result.cases.some((c) => c.verdict !== 'passed' && c.verdict !== 'notApplicable') ? EXIT.failed : EXIT.ok;
}

/** The options and hooks of a `run` command line, with `--resume` / `--rerun-failed` read from the folder they name. */
function runOptionsOf(options: RunOptions & { resume?: string; rerunFailed?: string }): [RunOptions, PrepareHooks] {
  const { resume, rerunFailed, ...rest } = options;
  if (resume !== undefined && rerunFailed !== undefined) throw new UsageError('--resume and --rerun-failed do not go together');
  if (resume === undefined && rerunFailed === undefined) {
    if (rest.sut === undefined || rest.target === undefined) throw new UsageError(`${rest.sut === undefined ? "required option '--sut <side>'" : "required option '--target <target>'"} not specified (or give --resume / --rerun-failed <run dir>)`);
    return [rest, {}];
  }
  const mode = resume !== undefined ? 'resume' : 'rerun-failed';
  const again = runAgainFrom((resume ?? rerunFailed) as string, mode);
  const chosen = (['sut', 'target', 'cases', 'config', 'profile', 'pics', 'fault', 'port'] as const).filter((k) => rest[k] !== undefined);
  if (chosen.length > 0) throw new UsageError(`--${mode} runs with the options of the run it names; leave out --${chosen.join(', --')}`);
  if (mode === 'resume' && rest.out !== undefined) throw new UsageError('--resume writes into the folder of the run it resumes; leave out --out');
  const { configLayers, ...invocation } = again.invocation;
  const out = mode === 'resume' ? resolve(resume as string) : rest.out;
  return [{ ...invocation, out, html: rest.html && invocation.html, driver: invocation.driver ?? rest.driver }, { configLayers, again, runId: mode === 'resume' ? again.runId : undefined }];
}

/** Runs the `run` command; also the building block of `demo`. Resolves with the signal that interrupted it, if one did. */
async function runCommand(options: RunOptions, hooks: PrepareHooks = {}): Promise<{ result: RunResult; signal?: NodeJS.Signals }> {
  const prepared = prepareRun(options, hooks);
  const { sut, target, config, cases, outDir } = prepared;
  const driver = target.kind === 'reference' ? undefined : options.driver === 'http' ? httpDriverOf(config) : promptDriver({ input: process.stdin, output: process.stdout, timeoutMs: config.timeouts.operatorMs });
  const abort = new AbortController();
  let signal: NodeJS.Signals | undefined;
  const onSignal = (received: NodeJS.Signals) => {
    if (signal) {
      process.stderr.write(`\n${received} again: quitting at once; the reports on disk hold every case that ended\n`);
      process.exit(SIGNAL_EXIT[received] ?? EXIT.failed);
    }
    signal = received;
    process.stderr.write(`\n${received}: stopping the case in progress and writing the reports (${received === 'SIGINT' ? 'Ctrl-C' : received} again quits at once)\n`);
    abort.abort(received);
  };
  for (const name of INTERRUPTS) process.on(name, onSignal);
  describeStart(sut, target, config, cases.length);
  try {
    let result: RunResult;
    try {
      result = await prepared.run({ driver, signal: abort.signal });
    } catch (error) {
      const busy = portInUse(error);
      if (!busy) throw error;
      prepared.discard();
      throw new UsageError(busy);
    }
    process.stdout.write(`\nReports: ${relative(process.cwd(), outDir) || '.'}\n`);
    if (options.html) process.stdout.write(`HTML report: ${join(relative(process.cwd(), outDir) || '.', 'allure-report', 'index.html')}\n`);
    if (options.profile) process.stdout.write(`Certification report: ${join(relative(process.cwd(), outDir) || '.', 'certification-report.html')}\n`);
    return { result, signal };
  } finally {
    for (const name of INTERRUPTS) process.off(name, onSignal);
    driver?.close?.();
  }
}

/** The webhook driver of `--driver http`, from the config's drivers.http. */
function httpDriverOf(config: RunConfig): Driver {
  const { url, timeoutMs } = config.drivers.http;
  if (!url) throw new UsageError('--driver http needs drivers.http.url in the --config file (e.g. "http://127.0.0.1:9300/actions/{kind}")');
  return httpDriver({ url, timeoutMs });
}

/** Merges the allure-results of several runs under `base` into one HTML report at `base/allure-report/index.html`. */
async function combinedAllureReport(base: string, runs: readonly string[]): Promise<string> {
  const merged = join(base, 'allure-results');
  await rm(merged, { recursive: true, force: true });
  await mkdir(merged, { recursive: true });
  for (const run of runs) {
    const dir = join(base, run, 'allure-results');
    for (const file of await readdir(dir)) if (file !== 'environment.properties') await copyFile(join(dir, file), join(merged, file));
  }
  await writeFile(join(merged, 'environment.properties'), `tool.version=${TOOL_VERSION}\nsut=CS and CSMS\ntarget=reference\n`);
  return generateAllureHtml(merged, join(base, 'allure-report'), { reportName: 'ocpp-ct demo: both sides against the reference SUTs' });
}

function describeStart(sut: SutRole, target: Target, config: RunConfig, count: number): void {
  const against = target.kind === 'reference' ? `the reference ${sut === 'CS' ? 'Charging Station' : 'CSMS'}` : target.kind === 'url' ? target.url : `a station connecting to ws://${config.csms.host}:${config.csms.port}${config.csms.path}/${config.station.id}`;
  process.stdout.write(`Running ${count} ${sut} case(s) against ${against}\n`);
}

