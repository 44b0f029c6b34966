/** How many lanes a run against the reference SUTs opens: enough to overlap the cases' Part 6 waits, few enough for the CPUs. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

/** Fewest lanes a run against the reference SUTs opens by itself (when it has that many cases). */
export const MIN_REFERENCE_LANES = 8;
/** Most lanes a run opens, as the run-config schema's maximum of `lanes`. */
export const MAX_REFERENCE_LANES = 16;
/**
 * Lanes per CPU. A case against the reference SUTs spends most of its time waiting (Part 6 intervals of 1 s, retry
 * back-offs, reconnects): a full CS run spends about 3 % of one core per lane, so many lanes share a core.
 */
const LANES_PER_CPU = 8;
/** Cases a lane should get at least, so that opening it (endpoint, reference SUT, boot) is paid back. */
const CASES_PER_LANE = 8;

/**
 * The lane count of a run of `caseCount` cases against the reference SUTs. `configured` is the run config's `lanes`:
 * 1–16 is taken as given, 0 (the reference preset) lets the run choose: 8–16, from the CPUs and the case count, never
 * more than the cases.
 */
export function referenceLaneCount(caseCount: number, configured = 0, cpus: number = availableParallelism()): number {
  if (caseCount <= 1) return 1;
  if (configured >= 1) return Math.min(configured, caseCount);
  const wanted = Math.min(cpus * LANES_PER_CPU, Math.ceil(caseCount / CASES_PER_LANE));
  return Math.min(caseCount, Math.max(MIN_REFERENCE_LANES, Math.min(MAX_REFERENCE_LANES, wanted)));
}

/** Where `npm run bench` keeps each case's last measured duration against the reference SUTs (id → ms). */
export const CASE_TIMES_FILE = join(__dirname, '..', '..', 'bench', 'case-times.json');

/** The last measured duration of each case (ms), from {@link CASE_TIMES_FILE}; empty when there is none. */
export function knownCaseTimes(file: string = CASE_TIMES_FILE): Readonly<Record<string, number>> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * The order in which lanes should take `cases` (indexes into it): the longest first, so that no long case starts
 * last and keeps one lane busy after the others are done (cases never measured count as `unknownMs`; ties keep the
 * given order). Reports list cases by id whatever order they ran in.
 */
export function longestFirst(cases: readonly { readonly id: string }[], times: Readonly<Record<string, number>> = knownCaseTimes(), unknownMs = 1_000): number[] {
  const expected = (i: number) => times[cases[i].id] ?? unknownMs;
  return cases.map((_, i) => i).sort((a, b) => expected(b) - expected(a) || a - b);
}
