/** `ocpp-ct run` and `ocpp-ct demo`: select cases, open lanes against the SUT, run, and write the reports. */
import { Option, type Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readConfigFile, REFERENCE_PRESET, resolveConfig, type RunConfig, type RunConfigFile } from '../engine/config';
import type { Target } from '../engine/lane';
import type { Driver } from '../drivers/driver';
import type { Reporter, RunResult, SutRole } from '../engine/results';
import { runCases, type RunPlan } from '../engine/runner';
import type { TestCase } from '../engine/testcase';
import { httpDriver } from '../drivers/http';
import { promptDriver } from '../drivers/prompt';
import { faultsOf } from '../reference/faults';
import { combineReporters, createReporters, generateAllureHtml } from '../report';
import { TOOL_VERSION } from '../version';
import { EXIT, parsePort, sutOption, timestamp, toRole, UsageError } from './common';
import { selectRunCases } from './profiles';

/** Adds `run` and `demo` to the program. */
export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description('run test cases against a SUT and write the reports')
    .addOption(sutOption())
    .requiredOption('--target <target>', 'reference (the built-in SUT), listen (sut cs: wait for the station to connect), or the ws:// / wss:// URL of the CSMS without the station id (sut csms)')
    .option('--cases <patterns>', "case ids or globs, comma separated (e.g. 'TC_B_*')")
    .option('--config <file>', 'run configuration (JSON, see schemas/run-config.schema.json)')
    .option('--profile <ids>', "certification profiles to run, comma separated (e.g. 'core,smart-charging'; needs --pics): every case they list is run or reported as notApplicable / notImplemented, with a certification report")
    .option('--pics <file>', "the SUT's PICS (JSON, see schemas/pics.schema.json): identity, claimed profiles, features, layout, configured values")
    .option('--out <dir>', 'output folder (default reports/<run id>)')
    .option('--fault <name>', 'switch a fault on in the reference SUT (see `ocpp-ct list --faults`)')
    .option('--port <n>', 'with --target listen: the port the harness serves on', parsePort)
    .addOption(new Option('--driver <kind>', 'how SUT-side actions are done for a real SUT: prompt (the operator) or http (a webhook per action, drivers.http.url of the config)').choices(['prompt', 'http']).default('prompt'))
    .option('--no-html', 'skip the Allure HTML report')
    .exitOverride()
    .action(async (options: RunOptions) => {
      const result = await runCommand(options);
      process.exitCode = result.cases.some((c) => c.verdict !== 'passed' && c.verdict !== 'notApplicable') ? EXIT.failed : EXIT.ok;
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
        results.push(await runCommand({ sut, target: 'reference', out: join(base, sut), html: options.html, driver: 'prompt' }));
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
}

/** A run that is checked and set up (cases selected, config resolved, output folder made) but not started. */
export interface PreparedRun {
  readonly sut: SutRole;
  readonly target: Target;
  readonly config: RunConfig;
  readonly cases: readonly TestCase[];
  readonly outDir: string;
  /** Runs the cases and writes the reports; `driver` is needed for a real SUT. */
  run(how: Pick<RunPlan, 'driver' | 'wrapReferenceDriver' | 'signal'>): Promise<RunResult>;
}

/** The reusable core of `ocpp-ct run` (also used by the web UI): checks the options, throwing UsageError / ConfigError with the reason, and sets the run up. */
export function prepareRun(options: RunOptions, hooks: PrepareHooks = {}): PreparedRun {
  const sut = toRole(options.sut);
  const target = parseTarget(sut, options.target);
  if (options.fault !== undefined) {
    if (target.kind !== 'reference') throw new UsageError('--fault only applies to --target reference');
    if (!(options.fault in faultsOf(sut))) throw new UsageError(`unknown fault '${options.fault}' for --sut ${options.sut}; known: ${Object.keys(faultsOf(sut)).join(', ')}`);
  }
  const { cases, notRun, profiles, configLayer, certification } = selectRunCases(options, sut);
  const config = resolveConfig(target.kind === 'reference' ? REFERENCE_PRESET : undefined, configLayer, ...(hooks.configLayers ?? []), options.config ? readConfigFile(options.config) : undefined, options.port === undefined ? undefined : { csms: { port: options.port } });
  const runId = hooks.runId ?? `${timestamp()}-${options.sut}`;
  const outDir = resolve(options.out ?? join('reports', runId));
  mkdirSync(outDir, { recursive: true });
  const reporter = combineReporters([...(hooks.reporters ?? []), ...createReporters({ outDir, html: options.html, console: hooks.console, certification })]);
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
  };
}

/** Runs the `run` command; also the building block of `demo`. */
async function runCommand(options: RunOptions): Promise<RunResult> {
  const prepared = prepareRun(options);
  const { sut, target, config, cases, outDir } = prepared;
  const driver = target.kind === 'reference' ? undefined : options.driver === 'http' ? httpDriverOf(config) : promptDriver({ input: process.stdin, output: process.stdout, timeoutMs: config.timeouts.operatorMs });
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nInterrupted: finishing the current case and writing the reports (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  describeStart(sut, target, config, cases.length);
  try {
    const result = await prepared.run({ driver, signal: abort.signal });
    process.stdout.write(`\nReports: ${relative(process.cwd(), outDir) || '.'}\n`);
    if (options.html) process.stdout.write(`HTML report: ${join(relative(process.cwd(), outDir) || '.', 'allure-report', 'index.html')}\n`);
    if (options.profile) process.stdout.write(`Certification report: ${join(relative(process.cwd(), outDir) || '.', 'certification-report.html')}\n`);
    return result;
  } finally {
    process.off('SIGINT', onSigint);
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

