/** How many lanes a run against the reference SUTs opens: enough to overlap the cases' Part 6 waits, few enough for the CPUs. */
import { availableParallelism } from 'node:os';

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
