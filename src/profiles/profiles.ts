/** The Part 5 certification profiles (certification-profiles/*.json): loaded once, checked against their schema, the Part 6 catalogue and the feature ids. */
import Ajv, { type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../schemas/profile.schema.json';
import type { SutRole } from '../engine/results';
import { type Condition, parseCondition } from './condition';
import { isFeatureId } from './features';
import { part6Case, type Specification } from './part6';
import { describeSchemaErrors } from './schema-errors';

/** The folder holding one JSON file per profile. */
export const PROFILES_DIR = join(__dirname, '..', '..', 'certification-profiles');

/** One case of a profile for one side. */
export interface ProfileEntry {
  readonly id: string;
  /** M: always required when the profile is claimed; C: required when `condition` holds. */
  readonly requirement: 'M' | 'C';
  readonly condition?: string;
  /** The parsed condition (C entries). */
  readonly parsed?: Condition;
  readonly errata?: string;
  readonly addedByErrata?: true;
}

/** One certification profile. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  /** Where Part 5 chapter 4 holds the profile's table (4.2 Core … 4.9 ISO 15118); profiles are listed in this order. */
  readonly part5Section: string;
  readonly requiredForCertification: boolean;
  readonly specification: Specification;
  readonly functionalBlocks: readonly string[];
  readonly testCases: Readonly<Record<SutRole, readonly ProfileEntry[]>>;
  readonly removedByErrata: readonly { readonly id: string; readonly errata: string }[];
  readonly notSelectable: readonly { readonly id: string; readonly requirement?: 'M' | 'C'; readonly reason: string }[];
}

/** A profile file that is not valid, or a profile name nobody defined. */
export class ProfileError extends Error {}

const validate: ValidateFunction = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Checks one parsed profile file: schema, Part 6 ids, conditions over known feature ids. */
export function checkProfile(value: unknown, source: string): Profile {
  if (!validate(value)) throw new ProfileError(`${source} is not a valid profile:\n  ${describeSchemaErrors(validate.errors).join('\n  ')}`);
  const file = value as Profile;
  const entries = (side: SutRole): ProfileEntry[] =>
    file.testCases[side].map((entry) => {
      if (!part6Case(entry.id)) throw new ProfileError(`${source}: ${entry.id} is not a Part 6 case id (see catalog/part6-cases.json)`);
      try {
        return entry.condition ? { ...entry, parsed: parseCondition(entry.condition, isFeatureId) } : entry;
      } catch (error) {
        throw new ProfileError(`${source}: ${entry.id}: ${(error as Error).message}`);
      }
    });
  return { ...file, testCases: { CS: entries('CS'), CSMS: entries('CSMS') } };
}

let loaded: readonly Profile[] | undefined;

/** Every profile of certification-profiles/, in the order Part 5 lists them (Core first); read and checked once. */
export function loadProfiles(): readonly Profile[] {
  loaded ??= readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => checkProfile(JSON.parse(readFileSync(join(PROFILES_DIR, f), 'utf8')), join('certification-profiles', f)))
    .sort((a, b) => a.part5Section.localeCompare(b.part5Section, 'en', { numeric: true }));
  return loaded;
}

/** The profiles named in a comma list (`core,smart-charging`); unknown names are refused with the known ones. */
export function profilesNamed(list: string): Profile[] {
  const all = loadProfiles();
  const names = [...new Set(list.split(',').map((n) => n.trim()).filter(Boolean))];
  if (names.length === 0) throw new ProfileError('no profile named');
  return names.map((name) => {
    const profile = all.find((p) => p.id === name);
    if (!profile) throw new ProfileError(`unknown profile '${name}'; known: ${all.map((p) => p.id).join(', ')}`);
    return profile;
  });
}

/** The names of the profiles (all, or only those in `among` when it is not empty) that list a case for its side. */
export function profileNamesOf(caseId: string, sut: SutRole, among: readonly string[] = []): string[] {
  return loadProfiles()
    .filter((p) => (among.length === 0 || among.includes(p.id)) && p.testCases[sut].some((e) => e.id === caseId))
    .map((p) => p.name);
}
