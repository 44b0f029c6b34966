/** The verdict of each profile of a run: passed only when every case the profile requires of this SUT passed. */
import type { CaseResult, SutRole, Verdict } from '../engine/results';
import { part6Case } from './part6';
import type { Profile, ProfileEntry } from './profiles';
import type { CaseSelection } from './selection';

/** A case's outcome within one profile: its run verdict, `notApplicable` when this profile does not require it, or `notRun` when the run left it out. */
export type ProfileCaseVerdict = Verdict | 'notRun';

/** One case as a profile sees it. */
export interface ProfileCase {
  readonly id: string;
  readonly name: string;
  readonly requirement: 'M' | 'C';
  readonly condition?: string;
  /** Whether this profile requires the case of this SUT (M, or C whose condition holds). */
  readonly required: boolean;
  readonly verdict: ProfileCaseVerdict;
  readonly reason: string;
}

/** passed: every required case passed (or its script found it not applicable to the set-up); failed: a required case failed; incomplete: anything else. */
export type ProfileVerdict = 'passed' | 'failed' | 'incomplete';

/** Counts of a profile's cases. */
export interface ProfileCounts {
  readonly listed: number;
  readonly required: number;
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
  readonly notImplemented: number;
  /** Required cases that ended inconclusive or in error, or were not run. */
  readonly undecided: number;
}

/** One profile's outcome. */
export interface ProfileOutcome {
  readonly id: string;
  readonly name: string;
  readonly verdict: ProfileVerdict;
  readonly counts: ProfileCounts;
  readonly cases: readonly ProfileCase[];
  readonly notSelectable: Profile['notSelectable'];
  readonly removedByErrata: Profile['removedByErrata'];
}

function profileCase(profile: Profile, entry: ProfileEntry, selection: CaseSelection | undefined, result: CaseResult | undefined): ProfileCase {
  const requirement = selection?.requirements.find((r) => r.profile === profile.id);
  const base = { id: entry.id, name: part6Case(entry.id)?.name ?? entry.id, requirement: entry.requirement, condition: entry.condition };
  if (requirement && !requirement.applies) {
    return { ...base, required: false, verdict: 'notApplicable', reason: `condition "${requirement.condition}" does not hold (${requirement.because})` };
  }
  if (!result) return { ...base, required: true, verdict: 'notRun', reason: 'left out of this run (--cases, or the run was interrupted)' };
  return { ...base, required: true, verdict: result.verdict, reason: result.reason };
}

function countsOf(cases: readonly ProfileCase[]): ProfileCounts {
  const required = cases.filter((c) => c.required);
  const count = (verdicts: readonly ProfileCaseVerdict[]) => required.filter((c) => verdicts.includes(c.verdict)).length;
  return {
    listed: cases.length,
    required: required.length,
    passed: count(['passed']),
    failed: count(['failed']),
    notApplicable: cases.filter((c) => c.verdict === 'notApplicable').length,
    notImplemented: count(['notImplemented']),
    undecided: count(['inconclusive', 'error', 'notRun']),
  };
}

/** The outcome of each profile for the SUT's side, from the selection and the results of the run. */
export function profileOutcomes(sut: SutRole, profiles: readonly Profile[], selection: readonly CaseSelection[], results: readonly CaseResult[]): ProfileOutcome[] {
  const selected = new Map(selection.map((s) => [s.case.id, s]));
  const ran = new Map(results.map((r) => [r.info.id, r]));
  return profiles.map((profile) => {
    const cases = profile.testCases[sut].map((e) => profileCase(profile, e, selected.get(e.id), ran.get(e.id)));
    const counts = countsOf(cases);
    const verdict: ProfileVerdict = counts.failed > 0 ? 'failed' : counts.notImplemented + counts.undecided > 0 ? 'incomplete' : 'passed';
    return { id: profile.id, name: profile.name, verdict, counts, cases, notSelectable: profile.notSelectable, removedByErrata: profile.removedByErrata };
  });
}
