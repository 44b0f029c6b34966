/** Profiles + PICS + the implemented cases → for every case of the claimed profiles: run it, or say why not (not applicable, or no script yet). */
import type { SutRole } from '../engine/results';
import { decidingFeatures, evaluate } from './condition';
import { part6Case, type Part6Case } from './part6';
import { describeFeatureValue, featureValue, type Pics } from './pics';
import type { Profile, ProfileEntry } from './profiles';

/** How one profile requires a case, and whether that requirement applies to this SUT. */
export interface ProfileRequirement {
  readonly profile: string;
  readonly requirement: 'M' | 'C';
  readonly condition?: string;
  /** M: always; C: whether the condition holds for the PICS. */
  readonly applies: boolean;
  /** For a condition: the features that decided it, with their values. */
  readonly because?: string;
}

/** What happens to one case of the claimed profiles. */
export interface CaseSelection {
  readonly case: Part6Case;
  /** One entry per selected profile that lists the case. */
  readonly requirements: readonly ProfileRequirement[];
  /** selected: runs; notApplicable: no profile requires it of this SUT; notImplemented: required, but no script exists yet. */
  readonly outcome: 'selected' | 'notApplicable' | 'notImplemented';
  /** Why, in one line (empty for a selected mandatory case). */
  readonly reason: string;
}

/** What the selection needs. */
export interface SelectionInput {
  readonly sut: SutRole;
  readonly profiles: readonly Profile[];
  readonly pics: Pics;
  /** Ids of the cases that have a script. */
  readonly implemented: ReadonlySet<string>;
}

function requirementOf(profile: Profile, entry: ProfileEntry, pics: Pics): ProfileRequirement {
  if (!entry.parsed) return { profile: profile.id, requirement: entry.requirement, applies: true };
  const lookup = (id: string) => featureValue(pics, id);
  const because = decidingFeatures(entry.parsed, lookup).map((id) => describeFeatureValue(pics, id)).join('; ');
  return { profile: profile.id, requirement: entry.requirement, condition: entry.condition, applies: evaluate(entry.parsed, lookup), because };
}

function reasonFor(outcome: CaseSelection['outcome'], requirements: readonly ProfileRequirement[], c: Part6Case): string {
  if (outcome === 'notApplicable') return requirements.map((r) => `${r.profile}: condition "${r.condition}" does not hold (${r.because})`).join(' | ');
  const why = requirements.filter((r) => r.applies).map((r) => (r.condition ? `${r.profile}: condition "${r.condition}" holds (${r.because})` : `${r.profile}: mandatory`));
  if (outcome === 'notImplemented') return `no script yet (testcases/${c.sut.toLowerCase()}/${c.block}/${c.id}.ts); required by ${why.join(' | ')}`;
  return requirements.every((r) => !r.condition) ? '' : why.join(' | ');
}

/** Every case the given profiles list for the SUT's side, once each, in Part 6 id order, with what happens to it and why. */
export function selectCases(input: SelectionInput): CaseSelection[] {
  const byId = new Map<string, ProfileRequirement[]>();
  for (const profile of input.profiles) {
    for (const entry of profile.testCases[input.sut]) {
      const list = byId.get(entry.id) ?? [];
      list.push(requirementOf(profile, entry, input.pics));
      byId.set(entry.id, list);
    }
  }
  return [...byId]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([id, requirements]) => {
      const c = part6Case(id) as Part6Case; // profiles are checked against the catalogue when they load
      const outcome = !requirements.some((r) => r.applies) ? 'notApplicable' : input.implemented.has(id) ? 'selected' : 'notImplemented';
      return { case: c, requirements, outcome, reason: reasonFor(outcome, requirements, c) };
    });
}
