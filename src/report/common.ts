// Small facts and helpers every reporter shares, so they name, count and write things the same way.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseInfo, Reporter, SutRole, Verdict } from '../engine/results';

/** A reporter with a name, so a failing one can be identified in warnings. */
export interface NamedReporter extends Reporter {
  readonly name: string;
}

/** The verdicts in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'inconclusive', 'notApplicable', 'error', 'notImplemented'];

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
