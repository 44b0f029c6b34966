/** `ocpp-ct coverage`, `ocpp-ct pics init`, and the `--profile` / `--pics` part of `ocpp-ct run`. */
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { caseFilter, loadCases } from '../engine/catalog';
import type { RunConfigFile } from '../engine/config';
import type { CaseResult, SutRole } from '../engine/results';
import type { TestCase } from '../engine/testcase';
import { coverage, type Coverage, type CoverageCounts } from '../profiles/coverage';
import { specification } from '../profiles/part6';
import { checkPics, PICS_SCHEMA_PATH, picsConfigLayer, readPics } from '../profiles/pics';
import { type Ask, askPics, picsProblems } from '../profiles/pics-init';
import { planProfileRun } from '../profiles/plan';
import { ProfileError, profilesNamed } from '../profiles/profiles';
import type { CertificationContext } from '../report/certification';
import { UsageError } from './common';

/** What `--profile` and `--pics` make of a run. */
export interface RunSelection {
  readonly cases: readonly TestCase[];
  /** Cases of the profiles that are not run (notApplicable, notImplemented), as results. */
  readonly notRun: readonly CaseResult[];
  /** Ids of the profiles run (empty without --profile). */
  readonly profiles: readonly string[];
  /** The PICS as a config layer (identity, layout, configured values), when a PICS is given. */
  readonly configLayer?: RunConfigFile;
  /** For the certification report, when profiles are run. */
  readonly certification?: CertificationContext;
}

/**
 * Selects the cases of a run. Without --profile: the implemented cases matching --cases, as always (a --pics then only
 * supplies config). With --profile (which needs --pics): every case the profiles list for the side, run or reported as
 * notApplicable / notImplemented, narrowed by --cases.
 */
export function selectRunCases(options: { readonly profile?: string; readonly pics?: string; readonly cases?: string }, sut: SutRole): RunSelection {
  if (options.profile !== undefined && options.pics === undefined) throw new UsageError('--profile needs --pics: the PICS says which conditional cases apply to the SUT');
  const pics = options.pics === undefined ? undefined : readPics(options.pics);
  // A PICS no product can have (as `pics init` and the web UI refuse it) is refused for a run too.
  const impossible = pics ? picsProblems(pics) : [];
  if (impossible.length > 0) throw new UsageError(`${options.pics} is not possible: ${impossible.map((p) => p.message).join('; ')}`);
  if (pics && pics.sut.role !== sut) throw new UsageError(`${options.pics} describes a ${pics.sut.role} (sut.role), but --sut is ${sut.toLowerCase()}`);
  const implemented = loadCases(sut);
  const filter = caseFilter(options.cases);
  const configLayer = pics && picsConfigLayer(pics);
  if (!pics || options.profile === undefined) {
    const cases = implemented.filter((c) => filter(c.id));
    if (cases.length === 0) throw new UsageError(`no implemented ${sut} case matches '${options.cases}'`);
    return { cases, notRun: [], profiles: [], configLayer };
  }
  let profiles;
  try {
    profiles = profilesNamed(options.profile);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(`--profile: ${error.message}`);
    throw error;
  }
  const plan = planProfileRun({ sut, profiles, pics, implemented, filter });
  if (plan.cases.length + plan.notRun.length === 0) throw new UsageError(`no case of ${options.profile} matches '${options.cases}'`);
  return {
    cases: plan.cases,
    notRun: plan.notRun,
    profiles: profiles.map((p) => p.id),
    configLayer,
    certification: { pics, picsFile: options.pics as string, profiles, selection: plan.selection },
  };
}

/** Adds `coverage` and `pics init` to the program. */
export function registerProfileCommands(program: Command): void {
  program
    .command('coverage')
    .description('per side and functional block: how many Part 6 cases exist, how many are implemented, and per profile how many mandatory ones are implemented')
    .option('--json', 'as JSON')
    .exitOverride()
    .action((options: { json?: boolean }) => {
      const result = coverage(loadCases().map((c) => c.id));
      process.stdout.write(options.json ? `${JSON.stringify({ specification: specification(), ...result }, null, 2)}\n` : coverageTable(result));
    });

  program
    .command('pics')
    .description('the PICS: what the vendor states about the SUT (see schemas/pics.schema.json)')
    .command('init')
    .description('write a new PICS by answering questions in the terminal')
    .option('--out <file>', 'where to write it', 'pics.json')
    .option('--force', 'overwrite an existing file')
    .option('--edit <file>', "start from an existing PICS: its answers are the defaults (Enter keeps one); writes to --out, or back to <file> when --out is not given")
    .exitOverride()
    .action(async (options: { out: string; force?: boolean; edit?: string }, command: Command) => {
      const existing = options.edit ? readPics(options.edit) : undefined;
      const target = options.edit && command.getOptionValueSource('out') === 'default' ? options.edit : options.out;
      const out = resolve(target);
      if (existsSync(out) && !options.force && !options.edit) throw new UsageError(`${target} exists; use --force to overwrite it, or --edit ${target} to change it`);
      const terminal = terminalAsk(process.stdin, process.stdout);
      try {
        const pics = await askPics(terminal.ask, { existing, say: (line) => void process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
          throw error instanceof UsageError ? error : new UsageError((error as Error).message);
        });
        // Editing keeps what the interview does not ask (configured values, notes): only its answers change.
        const document = { ...(existing ?? {}), $schema: relative(dirname(out), PICS_SCHEMA_PATH).split('\\').join('/'), ...JSON.parse(JSON.stringify(pics)) };
        checkPics(document, target);
        writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
        process.stdout.write(`\nWrote ${relative(process.cwd(), out)}: review it in an editor (the schema completes and checks it), then run with --pics ${relative(process.cwd(), out)}\n`);
      } finally {
        terminal.close();
      }
    });
}

/** Short column labels for profile ids: single words as they are, compound ids by their initials (advanced-security → AS). */
function shortLabel(id: string): string {
  const parts = id.split('-');
  return parts.length === 1 ? id : parts.map((p) => p[0].toUpperCase()).join('');
}

/** The coverage as a text table per side, with a legend for the profile columns. */
export function coverageTable(result: Coverage): string {
  const labels = result.profiles.map((p) => shortLabel(p.id));
  const header = ['SIDE', 'BLOCK', 'PART6', 'IMPL', ...labels];
  const row = (sut: string, block: string, c: CoverageCounts) => [sut, block, String(c.part6), String(c.implemented), ...result.profiles.map((p) => `${c.profiles[p.id].implemented}/${c.profiles[p.id].mandatory}`)];
  const rows = result.sides.flatMap((side) => [...side.blocks.map((b) => row(side.sut, b.block, b)), row(side.sut, 'all', side.total)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const legend = result.profiles.filter((p) => shortLabel(p.id) !== p.id).map((p) => `${shortLabel(p.id)} = ${p.id}`);
  return [
    line(header),
    ...rows.map(line),
    '',
    `Profile columns: implemented / mandatory cases of the profile. ${legend.join(', ')}.`,
    ...(result.notInPart6.length > 0 ? [`Implemented but not Part 6 ids: ${result.notInPart6.join(', ')}`] : []),
    '',
  ].join('\n');
}

/** An Ask over a terminal (or piped input): re-asks after a bad answer; when input ends, takes the fallback or fails. */
export function terminalAsk(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): { ask: Ask; close(): void } {
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const reader = createInterface({ input, terminal: false });
  reader.on('line', (line) => (waiting.length > 0 ? waiting.shift()?.(line) : lines.push(line)));
  reader.on('close', () => {
    ended = true;
    for (const wake of waiting.splice(0)) wake(undefined);
  });
  const nextLine = (): Promise<string | undefined> => (lines.length > 0 ? Promise.resolve(lines.shift()) : ended ? Promise.resolve(undefined) : new Promise((wake) => waiting.push(wake)));
  const ask: Ask = async (question, parse, fallback) => {
    for (;;) {
      output.write(`${question}${fallback === undefined || fallback === '' ? '' : ` [${fallback}]`}: `);
      const line = await nextLine();
      if (line === undefined) {
        output.write('\n');
        if (fallback === undefined) throw new UsageError(`input ended before "${question}" was answered`);
      }
      const answer = line === undefined || line.trim() === '' ? (fallback ?? '') : line;
      try {
        return parse(answer);
      } catch (error) {
        if (line === undefined) throw new UsageError(`input ended; "${question}": ${(error as Error).message}`);
        output.write(`  ${(error as Error).message}\n`);
      }
    }
  };
  return { ask, close: () => reader.close() };
}
