// Compares two runs case by case, so a lab sees what changed since the last firmware: newly failing, fixed, failing for another reason.
import type { CaseListing, RunDetail, RunListing } from './reports';

/** A case as it ended in each run (absent when the run did not have it). */
export interface CaseChange {
  readonly id: string;
  readonly name: string;
  readonly base?: Pick<CaseListing, 'verdict' | 'reason'>;
  readonly head?: Pick<CaseListing, 'verdict' | 'reason'>;
}

/** What changed from run `base` (the earlier) to run `head`. */
export interface RunComparison {
  readonly base: RunListing;
  readonly head: RunListing;
  /** Whether both runs tested the same SUT (same identity key). */
  readonly sameSut: boolean;
  /** Passed (or not applicable) in base, not in head. */
  readonly newlyFailing: readonly CaseChange[];
  /** Not passed in base, passed (or not applicable) in head. */
  readonly fixed: readonly CaseChange[];
  /** Not passed in either, but with another verdict or reason. */
  readonly changed: readonly CaseChange[];
  /** Not passed in either, same verdict and reason. */
  readonly stillFailing: readonly CaseChange[];
  /** In head only / in base only. */
  readonly added: readonly CaseChange[];
  readonly removed: readonly CaseChange[];
  /** Cases that ended the same way in both and passed (or were not applicable): a count only. */
  readonly unchangedPassed: number;
}

/** A verdict that is not a problem. */
function ok(verdict: string): boolean {
  return verdict === 'passed' || verdict === 'notApplicable';
}

/** Compares the case tables of two runs (ordered by case id). */
export function compareRuns(base: RunDetail, head: RunDetail): RunComparison {
  const before = new Map(base.cases.map((c) => [c.id, c]));
  const after = new Map(head.cases.map((c) => [c.id, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const out = { newlyFailing: [] as CaseChange[], fixed: [] as CaseChange[], changed: [] as CaseChange[], stillFailing: [] as CaseChange[], added: [] as CaseChange[], removed: [] as CaseChange[] };
  let unchangedPassed = 0;
  for (const id of ids) {
    const b = before.get(id);
    const h = after.get(id);
    const change: CaseChange = { id, name: (h ?? b)?.name ?? '', base: b && { verdict: b.verdict, reason: b.reason }, head: h && { verdict: h.verdict, reason: h.reason } };
    if (!b) out.added.push(change);
    else if (!h) out.removed.push(change);
    else if (ok(b.verdict) && !ok(h.verdict)) out.newlyFailing.push(change);
    else if (!ok(b.verdict) && ok(h.verdict)) out.fixed.push(change);
    else if (!ok(b.verdict)) (b.verdict === h.verdict && b.reason === h.reason ? out.stillFailing : out.changed).push(change);
    else unchangedPassed++;
  }
  return { base: listingOf(base), head: listingOf(head), sameSut: base.identity.key === head.identity.key, ...out, unchangedPassed };
}

/** A run without its case table. */
function listingOf(run: RunDetail): RunListing {
  const listing: Record<string, unknown> = { ...run };
  delete listing.cases;
  return listing as unknown as RunListing;
}
