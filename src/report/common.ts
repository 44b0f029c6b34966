// Small facts and helpers every reporter shares, so they name, count and write things the same way.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseInfo, CaseResult, Reporter, RunInfo, RunResult, SutRole, Verdict } from '../engine/results';

/** A reporter with a name, so a failing one can be identified in warnings. */
export interface NamedReporter extends Reporter {
  readonly name: string;
}

/** The verdicts in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'inconclusive', 'notApplicable', 'error', 'notImplemented', 'notRun'];

/** How many cases got each verdict. */
export type VerdictCounts = Record<Verdict, number>;

/** Counts the verdicts of the given cases; every verdict is present, zero when unused. */
export function countVerdicts(cases: readonly { readonly verdict: Verdict }[]): VerdictCounts {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
  for (const c of cases) counts[c.verdict] += 1;
  return counts;
}

/** The human name of the side under test, as Part 6 calls it. */
export function sutSideName(sut: SutRole): string {
  return sut === 'CS' ? 'Charging Station' : 'CSMS';
}

/** The functional blocks of OCPP 2.0.1 Part 2, by the letter Part 6 case ids carry. */
export const BLOCK_NAMES: Readonly<Record<string, string>> = {
  A: 'Security',
  B: 'Provisioning',
  C: 'Authorization',
  D: 'Local Authorization List Management',
  E: 'Transactions',
  F: 'Remote Control',
  G: 'Availability',
  H: 'Reservation',
  I: 'Tariff and Cost',
  J: 'Meter Values',
  K: 'Smart Charging',
  L: 'Firmware Management',
  M: 'ISO 15118 Certificate Management',
  N: 'Diagnostics',
  O: 'Display Message',
  P: 'Data Transfer',
};

/** A side and block as a suite name: `CS · E Transactions`. */
export function blockSuiteName(sut: SutRole, block: string): string {
  return `${sut} · ${block} ${BLOCK_NAMES[block] ?? ''}`.trimEnd();
}

/** The title of a case in reports: `<id> <name>`. */
export function caseTitle(info: CaseInfo): string {
  return `${info.id} ${info.name}`;
}

/** Writes a UTF-8 text file, creating its directory first; returns the path. */
export async function writeTextFile(path: string, content: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content, 'utf8');
  return path;
}

/** Writes a file so that a reader (or a process killed mid-write) sees the old content or the new, never half: a temporary file, then rename. */
export async function writeFileAtomic(path: string, content: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
  return path;
}

/** Orders cases as every report lists them: by id, numbers compared as numbers. */
export function byCaseId(a: { readonly info: CaseInfo }, b: { readonly info: CaseInfo }): number {
  return CASE_ID_ORDER.compare(a.info.id, b.info.id);
}

/** One collator for every sort by case id (localeCompare with options builds a new one per call, which a run of hundreds of cases feels). */
const CASE_ID_ORDER = new Intl.Collator('en', { numeric: true });

/** The reason of a planned case that had not run when a report was written during the run. */
export const NOT_REACHED = 'did not run: the run had not reached this case when this report was written';

/**
 * What a report written during the run knows: the planned cases and those ended so far. Its snapshot lists every
 * planned case once: ended ones with their result, the rest `notRun` (so a process killed at any moment leaves a
 * report that says which cases never ran).
 */
export class RunProgress {
  private info: RunInfo | undefined;
  private planned: readonly CaseInfo[] = [];
  private readonly ended = new Map<string, CaseResult>();
  private started = Date.now();

  /** The run began with these cases planned. */
  begin(info: RunInfo, planned: readonly CaseInfo[]): void {
    this.info = info;
    this.planned = planned;
    this.started = Date.now();
  }

  /** A case ended (or was decided without running). */
  end(result: CaseResult): void {
    this.ended.set(result.info.id, result);
  }

  /** The run as far as it went, every planned case listed once; undefined before the run began. */
  snapshot(): RunResult | undefined {
    if (!this.info) return undefined;
    const at = new Date().toISOString();
    const pending = this.planned.filter((c) => !this.ended.has(c.id)).map((info) => notRunResult(info, NOT_REACHED, at));
    return { info: this.info, cases: [...this.ended.values(), ...pending].sort(byCaseId), durationMs: Date.now() - this.started };
  }
}

/** A case that did not run, as a result. */
export function notRunResult(info: CaseInfo, reason: string, at = new Date().toISOString()): CaseResult {
  return { info, verdict: 'notRun', reason, startedAt: at, durationMs: 0, steps: [], frames: [], connectionEvents: [], prompts: [] };
}

/** Runs tasks one after another (lanes end cases concurrently; a file must not be rewritten by two at once). */
export function serially(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
