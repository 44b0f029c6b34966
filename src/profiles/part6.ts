/** The Part 6 catalogue as data (catalog/part6-cases.json): every case id and name, so profiles, coverage and reports can name cases nobody has scripted yet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseInfo, SutRole } from '../engine/results';

/** The folder holding the generated catalogue data. */
export const CATALOG_DIR = join(__dirname, '..', '..', 'catalog');

/** The editions and errata level the catalogue and the profiles stand for. */
export interface Specification {
  readonly ocppVersion: string;
  readonly part5: string;
  readonly part6: string;
  /** Newest errata applied, as year-month. */
  readonly errata: string;
}

/** One Part 6 case: facts only. */
export interface Part6Case {
  readonly id: string;
  readonly name: string;
  readonly sut: SutRole;
  readonly block: string;
  readonly useCases: readonly string[];
  readonly requirements: readonly string[];
  /** Set when the case comes from an erratum rather than the Part 6 edition. */
  readonly errata?: string;
}

interface CatalogFile {
  readonly specification: Specification;
  readonly cases: readonly Part6Case[];
}

let loaded: { readonly file: CatalogFile; readonly byId: ReadonlyMap<string, Part6Case> } | undefined;

function catalog(): NonNullable<typeof loaded> {
  if (!loaded) {
    const file = JSON.parse(readFileSync(join(CATALOG_DIR, 'part6-cases.json'), 'utf8')) as CatalogFile;
    loaded = { file, byId: new Map(file.cases.map((c) => [c.id, c])) };
  }
  return loaded;
}

/** Every Part 6 case, sorted by id. */
export function part6Cases(): readonly Part6Case[] {
  return catalog().file.cases;
}

/** The Part 6 case with this id, if there is one. */
export function part6Case(id: string): Part6Case | undefined {
  return catalog().byId.get(id);
}

/** The editions and errata level of the catalogue. */
export function specification(): Specification {
  return catalog().file.specification;
}

/** Case facts for reports, for a case that has no script (nothing it detects, no notes). */
export function catalogCaseInfo(c: Part6Case): CaseInfo {
  return { id: c.id, name: c.name, sut: c.sut, block: c.block, useCases: c.useCases, requirements: c.requirements, detects: [] };
}
