/** How much of the Part 6 catalogue has a script: per side and block, the cases that exist, those implemented, and per profile the mandatory ones (and how many of those are implemented). */
import type { SutRole } from '../engine/results';
import { part6Case, part6Cases } from './part6';
import { loadProfiles } from './profiles';

/** Mandatory cases of one profile in one block, and how many of them are implemented. */
export interface MandatoryCount {
  readonly mandatory: number;
  readonly implemented: number;
}

/** The counts of one block of one side (or of the whole side). */
export interface CoverageCounts {
  readonly part6: number;
  readonly implemented: number;
  /** By profile id. */
  readonly profiles: Readonly<Record<string, MandatoryCount>>;
}

/** Coverage of one side. */
export interface SideCoverage {
  readonly sut: SutRole;
  readonly blocks: readonly ({ readonly block: string } & CoverageCounts)[];
  readonly total: CoverageCounts;
}

/** Coverage of the catalogue. */
export interface Coverage {
  readonly profiles: readonly { readonly id: string; readonly name: string }[];
  readonly sides: readonly SideCoverage[];
  /** Implemented ids that are not Part 6 cases (a misnamed file, or a case from a newer edition). */
  readonly notInPart6: readonly string[];
}

/** Counts coverage for the given implemented case ids. */
export function coverage(implemented: readonly string[]): Coverage {
  const done = new Set(implemented);
  const profiles = loadProfiles();
  const counts = (sut: SutRole, block?: string): CoverageCounts => {
    const inScope = (id: string) => {
      const c = part6Case(id);
      return c !== undefined && c.sut === sut && (block === undefined || c.block === block);
    };
    const cases = part6Cases().filter((c) => inScope(c.id));
    const perProfile = profiles.map((p) => {
      const mandatory = p.testCases[sut].filter((e) => e.requirement === 'M' && inScope(e.id));
      return [p.id, { mandatory: mandatory.length, implemented: mandatory.filter((e) => done.has(e.id)).length }] as const;
    });
    return { part6: cases.length, implemented: cases.filter((c) => done.has(c.id)).length, profiles: Object.fromEntries(perProfile) };
  };
  const sides = (['CS', 'CSMS'] as const).map((sut) => {
    const blocks = [...new Set(part6Cases().filter((c) => c.sut === sut).map((c) => c.block))].sort();
    return { sut, blocks: blocks.map((block) => ({ block, ...counts(sut, block) })), total: counts(sut) };
  });
  return { profiles: profiles.map(({ id, name }) => ({ id, name })), sides, notInPart6: implemented.filter((id) => !part6Case(id)) };
}
