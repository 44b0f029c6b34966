/** Turns a profile selection into what the runner takes: the cases to run, and a result for every case that is not run, so reports list both. */
import { ConfigError } from '../engine/config';
import type { CaseResult, SutRole } from '../engine/results';
import type { TestCase } from '../engine/testcase';
import { catalogCaseInfo } from './part6';
import type { Pics } from './pics';
import type { Profile } from './profiles';
import { type CaseSelection, selectCases } from './selection';

/** What a profile run needs. */
export interface ProfileRunInput {
  readonly sut: SutRole;
  readonly profiles: readonly Profile[];
  readonly pics: Pics;
  readonly implemented: readonly TestCase[];
  /** Narrows the run further (`--cases`); cases outside it are neither run nor reported. */
  readonly filter: (id: string) => boolean;
}

/** The cases to run, the results of the cases that are not run, and the full selection (for the certification report). */
export interface ProfileRunPlan {
  readonly cases: readonly TestCase[];
  readonly notRun: readonly CaseResult[];
  readonly selection: readonly CaseSelection[];
}

/** Refuses a PICS of the other side, and profiles the PICS does not claim. */
function checkClaims(input: ProfileRunInput): void {
  const { pics, sut, profiles } = input;
  if (pics.sut.role !== sut) throw new ConfigError(`the PICS describes a ${pics.sut.role} (sut.role), but the run tests a ${sut}`);
  const unclaimed = profiles.filter((p) => !pics.claimedProfiles.includes(p.id)).map((p) => p.id);
  if (unclaimed.length > 0) throw new ConfigError(`the PICS does not claim ${unclaimed.join(', ')} (claimedProfiles: ${pics.claimedProfiles.join(', ')})`);
}

/** A result for a case that is not run: notApplicable or notImplemented, with the reason of the selection. */
function notRunResult(selection: CaseSelection, implemented: TestCase | undefined, at: string): CaseResult {
  const verdict = selection.outcome === 'notApplicable' ? 'notApplicable' : 'notImplemented';
  const info = implemented?.info ?? catalogCaseInfo(selection.case);
  return { info, verdict, reason: selection.reason, startedAt: at, durationMs: 0, steps: [], frames: [], connectionEvents: [], prompts: [] };
}

/** Selects the cases of the profiles for the PICS; throws ConfigError when the PICS and the run do not fit together. */
export function planProfileRun(input: ProfileRunInput): ProfileRunPlan {
  checkClaims(input);
  const byId = new Map(input.implemented.map((c) => [c.id, c]));
  const selection = selectCases({ sut: input.sut, profiles: input.profiles, pics: input.pics, implemented: new Set(byId.keys()) });
  const chosen = selection.filter((s) => input.filter(s.case.id));
  const at = new Date().toISOString();
  return {
    cases: chosen.filter((s) => s.outcome === 'selected').map((s) => byId.get(s.case.id) as TestCase),
    notRun: chosen.filter((s) => s.outcome !== 'selected').map((s) => notRunResult(s, byId.get(s.case.id), at)),
    selection,
  };
}
