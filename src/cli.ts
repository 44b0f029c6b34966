/** The `ocpp-ct` command: run, list, demo, and the reference SUTs as their own processes. */
import { Command, CommanderError, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { caseFilter, loadCases } from './engine/catalog';
import { ConfigError, readConfigFile, REFERENCE_PRESET, resolveConfig, type RunConfig } from './engine/config';
import type { Target } from './engine/lane';
import type { RunResult, SutRole } from './engine/results';
import { runCases } from './engine/runner';
import { promptDriver } from './drivers/prompt';
import { ReferenceCsms } from './reference/csms/csms';
import { CSMS_FAULTS, faultsOf, STATION_FAULTS, type CsmsFault, type StationFault } from './reference/faults';
import { ReferenceStation } from './reference/station/station';
import { combineReporters, createReporters, generateAllureHtml } from './report';
import { TOOL_VERSION } from './version';

/** Exit statuses of DESIGN.md. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Wrong usage: printed without a stack, exit 2. */
class UsageError extends Error {}

const sutOption = () => new Option('--sut <side>', 'which system is under test: cs (a Charging Station) or csms').choices(['cs', 'csms']).makeOptionMandatory();
const toRole = (sut: string): SutRole => (sut === 'cs' ? 'CS' : 'CSMS');

/** Parses the arguments and runs the command; sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`ocpp-ct: ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`ocpp-ct: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}

function buildProgram(): Command {
  const program = new Command('ocpp-ct')
    .description('Open OCPP 2.0.1 conformance test harness: runs Part 6 test cases against a Charging Station or a CSMS')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();

  program
    .command('run')
    .description('run test cases against a SUT and write the reports')
    .addOption(sutOption())
    .requiredOption('--target <target>', 'reference (the built-in SUT), listen (sut cs: wait for the station to connect), or the ws:// / wss:// URL of the CSMS without the station id (sut csms)')
    .option('--cases <patterns>', "case ids or globs, comma separated (e.g. 'TC_B_*')")
    .option('--config <file>', 'run configuration (JSON, see schemas/run-config.schema.json)')
    .option('--out <dir>', 'output folder (default reports/<run id>)')
    .option('--fault <name>', 'switch a fault on in the reference SUT (see `ocpp-ct list --faults`)')
    .option('--port <n>', 'with --target listen: the port the harness serves on', parsePort)
    .addOption(new Option('--driver <kind>', 'how SUT-side actions are done for a real SUT').choices(['prompt']).default('prompt'))
    .option('--no-html', 'skip the Allure HTML report')
    .exitOverride()
    .action(async (options: RunOptions) => {
      const result = await runCommand(options);
      process.exitCode = result.cases.some((c) => c.verdict !== 'passed' && c.verdict !== 'notApplicable') ? EXIT.failed : EXIT.ok;
    });

  program
    .command('list')
    .description('list the implemented test cases')
    .addOption(new Option('--sut <side>', 'only this side').choices(['cs', 'csms']))
    .option('--json', 'as JSON')
    .option('--faults', 'list the faults of the reference SUTs instead')
    .exitOverride()
    .action((options: { sut?: string; json?: boolean; faults?: boolean }) => listCommand(options));

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

  const reference = program.command('reference').description('run a reference SUT as its own process (Ctrl-C stops it)').exitOverride();
  reference
    .command('station')
    .description('the reference Charging Station, connecting to a CSMS')
    .requiredOption('--csms-url <url>', 'CSMS URL without the station id, e.g. ws://127.0.0.1:9000/ocpp')
    .option('--config <file>', 'run configuration (station id, password, EVSEs)')
    .option('--id <stationId>', 'station id (overrides the config)')
    .option('--password <password>', 'Basic-auth password (overrides the config)')
    .addOption(new Option('--fault <name>', 'switch one fault on').choices(Object.keys(STATION_FAULTS)))
    .exitOverride()
    .action(async (options: { csmsUrl: string; config?: string; id?: string; password?: string; fault?: StationFault }) => referenceStationCommand(options));
  reference
    .command('csms')
    .description('the reference CSMS, serving stations at ws://<host>:<port>/ocpp/<stationId>')
    .requiredOption('--port <n>', 'port to listen on', parsePort)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--config <file>', 'run configuration (heartbeat interval, path, station password)')
    .addOption(new Option('--fault <name>', 'switch one fault on').choices(Object.keys(CSMS_FAULTS)))
    .exitOverride()
    .action(async (options: { port: number; host: string; config?: string; fault?: CsmsFault }) => referenceCsmsCommand(options));
  return program;
}

interface RunOptions {
  readonly sut: 'cs' | 'csms';
  readonly target: string;
  readonly cases?: string;
  readonly config?: string;
  readonly out?: string;
  readonly fault?: string;
  readonly port?: number;
  readonly driver: 'prompt';
  readonly html: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${value}'`);
  return port;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
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

/** Runs the `run` command; also the building block of `demo`. */
async function runCommand(options: RunOptions): Promise<RunResult> {
  const sut = toRole(options.sut);
  const target = parseTarget(sut, options.target);
  if (options.fault !== undefined) {
    if (target.kind !== 'reference') throw new UsageError('--fault only applies to --target reference');
    if (!(options.fault in faultsOf(sut))) throw new UsageError(`unknown fault '${options.fault}' for --sut ${options.sut}; known: ${Object.keys(faultsOf(sut)).join(', ')}`);
  }
  const config = resolveConfig(target.kind === 'reference' ? REFERENCE_PRESET : undefined, options.config ? readConfigFile(options.config) : undefined, options.port === undefined ? undefined : { csms: { port: options.port } });
  const cases = loadCases(sut).filter((c) => caseFilter(options.cases)(c.id));
  if (cases.length === 0) throw new UsageError(`no implemented ${options.sut} case matches '${options.cases}'`);
  const runId = `${timestamp()}-${options.sut}`;
  const outDir = resolve(options.out ?? join('reports', runId));
  mkdirSync(outDir, { recursive: true });
  const reporter = combineReporters(createReporters({ outDir, html: options.html }));
  const driver = target.kind === 'reference' ? undefined : promptDriver({ input: process.stdin, output: process.stdout, timeoutMs: config.timeouts.operatorMs });
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nInterrupted: finishing the current case and writing the reports (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  describeStart(sut, target, config, cases.length);
  try {
    const result = await runCases({
      info: { runId, toolVersion: TOOL_VERSION, sut, target: target.kind === 'url' ? target.url : target.kind, fault: options.fault, profiles: [], startedAt: new Date().toISOString(), outDir },
      cases,
      reporter,
      target,
      config,
      fault: options.fault,
      driver,
      signal: abort.signal,
    });
    process.stdout.write(`\nReports: ${relative(process.cwd(), outDir) || '.'}\n`);
    if (options.html) process.stdout.write(`HTML report: ${join(relative(process.cwd(), outDir) || '.', 'allure-report', 'index.html')}\n`);
    return result;
  } finally {
    process.off('SIGINT', onSigint);
    driver?.close?.();
  }
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

function listCommand(options: { sut?: string; json?: boolean; faults?: boolean }): void {
  if (options.faults) {
    const faults = { CS: STATION_FAULTS, CSMS: CSMS_FAULTS };
    if (options.json) return void process.stdout.write(`${JSON.stringify(faults, null, 2)}\n`);
    for (const [side, catalogue] of Object.entries(faults)) {
      process.stdout.write(`${side} reference faults:\n`);
      for (const [name, description] of Object.entries(catalogue)) process.stdout.write(`  ${name.padEnd(34)} ${description}\n`);
    }
    return;
  }
  const cases = loadCases(options.sut ? toRole(options.sut) : undefined);
  if (options.json) {
    const rows = cases.map(({ info }) => ({ id: info.id, name: info.name, sut: info.sut, block: info.block, useCases: info.useCases, requirements: info.requirements, detects: info.detects }));
    return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  }
  for (const { info } of cases) process.stdout.write(`${info.id.padEnd(15)} ${info.sut.padEnd(5)} ${info.name}\n`);
  process.stdout.write(`${cases.length} case(s)\n`);
}

function referenceConfig(file: string | undefined): RunConfig {
  return resolveConfig(file ? readConfigFile(file) : undefined);
}

async function referenceStationCommand(options: { csmsUrl: string; config?: string; id?: string; password?: string; fault?: StationFault }): Promise<void> {
  const config = referenceConfig(options.config);
  const station = new ReferenceStation({
    csmsUrl: options.csmsUrl,
    stationId: options.id ?? config.station.id,
    password: options.password ?? config.station.basicAuthPassword,
    evses: config.station.evses,
    vendorName: config.station.vendorName,
    model: config.station.model,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(options.fault ? [options.fault] : []),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  await station.start();
  process.stdout.write(`reference station ${options.id ?? config.station.id} connected to ${options.csmsUrl}${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await station.stop();
}

async function referenceCsmsCommand(options: { port: number; host: string; config?: string; fault?: CsmsFault }): Promise<void> {
  const config = referenceConfig(options.config);
  const csms = await ReferenceCsms.start({
    port: options.port,
    host: options.host,
    path: config.csms.path,
    passwords: config.station.basicAuthPassword === undefined ? undefined : new Map([[config.station.id, config.station.basicAuthPassword]]),
    heartbeatInterval: config.configured.heartbeatInterval,
    pendingInterval: config.configured.heartbeatInterval,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(options.fault ? [options.fault] : []),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`reference CSMS listening at ${csms.url}/<stationId>${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await csms.stop();
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
