// Generates catalog/, certification-profiles/ and the feature list of schemas/pics.schema.json from the shared Part 5 / Part 6 reference data, so they cannot drift from it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCondition } from '../src/profiles/condition';
import type { Feature } from '../src/profiles/features';
import type { Part6Case } from '../src/profiles/part6';

/** The repository root. */
const ROOT = join(__dirname, '..');

/** Where the shared reference data lives (overridable for a checkout elsewhere). */
export const REFERENCE_DIR = process.env.OCPPCT_REFERENCE_DIR ?? join(ROOT, '..', 'shared', 'reference');

/** Part 5 and Part 6 editions and the errata level the generated data stands for. */
const SPECIFICATION = {
  ocppVersion: '2.0.1',
  part5: 'Part 5 Certification Profiles, Edition 3 (2024-05-06)',
  part6: 'Part 6 Test Cases, Edition 3 (2024-05-06)',
  errata: '2025-09',
};

/**
 * Cases the errata define that Part 6 Edition 3 has no table for. TC_B_58_CSMS: errata 2025-04 adds it to Core (Part 5 §5.10)
 * and gives its Part 6 table (§6.2.21); it tests Part 4 (WebSocket subprotocol), so it has no Part 2 use case or requirement id.
 */
const ERRATA_CASES: readonly Part6Case[] = [
  { id: 'TC_B_58_CSMS', name: 'WebSocket Subprotocol validation', sut: 'CSMS', block: 'B', useCases: [], requirements: [], errata: 'OCPP 2.0.1 Ed3 errata 2025-04 §6.2.21' },
];

/** Features whose value is not stated in a PICS but follows from other answers. */
const DERIVED: Readonly<Record<string, string>> = {
  'HFS-8': 'the number of EVSEs in layout.evses',
};

/** Features answered with a list of supported values rather than yes / no. */
const LIST_FEATURES = new Set(['C-23', 'C-40', 'C-41', 'C-54']);

/** Features answered with free text. */
const TEXT_FEATURES = new Set(['HFS-9', 'HFS-10']);

/** The parts of part5-profiles.json this script reads. */
interface Part5Source {
  readonly profiles: readonly {
    readonly id: string;
    readonly name: string;
    readonly mandatory: boolean;
    readonly functionalBlocks: readonly string[];
    readonly testCases: Readonly<Record<'CS' | 'CSMS', readonly { id: string; requirement: 'M' | 'C'; condition?: string; errata?: string; note?: string }[]>>;
  }[];
  readonly features: readonly { id: string; name: string; kind: string; profile: string | null; support: Readonly<Record<string, string>>; configVariable?: string }[];
  readonly listedWithoutRequirement: readonly { id: string; profile: string }[];
  readonly removedByErrata: readonly { id: string; profile: string; source: string }[];
  readonly errataApplied: readonly { id: string; profile: string; added?: boolean }[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** JSON on one line, with a space after each colon and comma. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
}

/** JSON with two-space indentation, where any object or array that fits in `width` characters stays on one line. */
export function formatJson(value: unknown, indent = '', width = 160): string {
  const flat = inlineJson(value);
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${formatJson(v, inner, width)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner, width)}`).join(',\n')}\n${indent}}`;
}

function part6Cases(reference: string): Part6Case[] {
  const index = readJson<{ testCases: Part6Case[] }>(join(reference, 'part6-index.json'));
  const cases = index.testCases.map(({ id, name, sut, block, useCases, requirements }) => ({ id, name, sut, block, useCases, requirements }));
  return [...cases, ...ERRATA_CASES].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

function featureEntries(source: Part5Source): Feature[] {
  const ids = source.features.map((f) => f.id);
  return source.features.map((f) => {
    const children = ids.filter((id) => id.startsWith(`${f.id}.`));
    const derivedFrom = f.kind === 'profileFlag' ? `whether the PICS claims the profile ${f.id.slice('profile:'.length)}` : children.length > 0 ? `${children.join(', ')} (true when any of them is)` : DERIVED[f.id];
    const roles = f.kind === 'profileFlag' ? (['CS', 'CSMS'] as const) : (['CS', 'CSMS'] as const).filter((r) => r in f.support);
    const answer = derivedFrom ? 'derived' : LIST_FEATURES.has(f.id) ? 'list' : TEXT_FEATURES.has(f.id) ? 'text' : 'boolean';
    return { id: f.id, name: f.name, kind: f.kind, profile: f.profile ?? undefined, roles: [...roles], answer, derivedFrom, configVariable: f.configVariable };
  });
}

function profileFile(source: Part5Source, profile: Part5Source['profiles'][number], known: (id: string) => boolean, part6: ReadonlySet<string>): object {
  // part5-profiles.json lists the profiles in the order of Part 5 chapter 4, whose sections 4.2 to 4.9 hold their tables.
  const section = `4.${source.profiles.indexOf(profile) + 2}`;
  const added = new Set(source.errataApplied.filter((e) => e.profile === profile.id && e.added).map((e) => e.id));
  const sides = (['CS', 'CSMS'] as const).map((side) => {
    const entries = profile.testCases[side].filter((c) => part6.has(c.id));
    for (const c of entries) if (c.condition) parseCondition(c.condition, known);
    return [side, entries.map((c) => ({ id: c.id, requirement: c.requirement, condition: c.condition, errata: c.errata, addedByErrata: added.has(c.id) || undefined }))];
  });
  const withoutPart6 = (['CS', 'CSMS'] as const).flatMap((side) =>
    profile.testCases[side].filter((c) => !part6.has(c.id)).map((c) => ({ id: c.id, requirement: c.requirement, reason: `Part 5 lists it for the ${side}, but Part 6 Edition 3 and its errata define no case ${c.id}` })),
  );
  const unmarked = source.listedWithoutRequirement
    .filter((e) => e.profile === profile.id)
    .map((e) => ({ id: e.id, reason: 'the Part 5 table lists this row without marking it for the CS or the CSMS' }));
  const removed = source.removedByErrata.filter((e) => e.profile === profile.id).map((e) => ({ id: e.id, errata: e.source }));
  return {
    $schema: '../schemas/profile.schema.json',
    id: profile.id,
    name: profile.name,
    part5Section: section,
    requiredForCertification: profile.mandatory,
    specification: SPECIFICATION,
    functionalBlocks: profile.functionalBlocks,
    testCases: Object.fromEntries(sides),
    removedByErrata: removed,
    notSelectable: [...withoutPart6, ...unmarked],
  };
}

/** The `features` and `claimedProfiles` parts of the PICS schema, made from the feature list and the profiles. */
function picsSchema(current: Record<string, unknown>, features: readonly Feature[], profiles: readonly string[]): object {
  const answerSchema = (f: Feature): object => {
    const says = `${f.id} (${f.kind}${f.profile ? `, ${f.profile}` : ''}; ${f.roles.join(' and ')}): ${f.name}${f.configVariable ? ` [${f.configVariable}]` : ''}`;
    if (f.answer === 'list') return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: `${says}. The supported values.` };
    if (f.answer === 'text') return { type: 'string', minLength: 1, description: says };
    return { type: 'boolean', description: says };
  };
  const properties = current.properties as Record<string, Record<string, unknown>>;
  return {
    ...current,
    properties: {
      ...properties,
      claimedProfiles: { ...properties.claimedProfiles, items: { enum: profiles } },
      features: { ...properties.features, properties: Object.fromEntries(features.filter((f) => f.answer !== 'derived').map((f) => [f.id, answerSchema(f)])) },
    },
  };
}

/** Every generated file (path relative to the repository root → content), from the reference data in `reference`. */
export function generateCatalog(reference: string = REFERENCE_DIR): Map<string, string> {
  const source = readJson<Part5Source>(join(reference, 'part5-profiles.json'));
  const cases = part6Cases(reference);
  const part6 = new Set(cases.map((c) => c.id));
  const features = featureEntries(source);
  const known = new Set(features.map((f) => f.id));
  const files = new Map<string, string>();
  const about = (what: string) => `${what} Generated by scripts/generate-catalog.ts from the shared reference data; do not edit by hand. Ids, names and values are facts of the OCA documents (© OCA, CC BY-ND 4.0).`;
  files.set('catalog/part6-cases.json', formatJson({ about: about('Every OCPP 2.0.1 Part 6 test case: id, name, side, block, use cases, requirement ids.'), specification: SPECIFICATION, cases }));
  files.set('catalog/part5-features.json', formatJson({ about: about('The Part 5 feature ids a PICS answers and profile conditions test, with how each is answered.'), specification: SPECIFICATION, features }));
  for (const profile of source.profiles) files.set(`certification-profiles/${profile.id}.json`, formatJson(profileFile(source, profile, (id) => known.has(id), part6)));
  const schemaPath = join(ROOT, 'schemas', 'pics.schema.json');
  const schema = picsSchema(readJson<Record<string, unknown>>(schemaPath), features, source.profiles.map((p) => p.id));
  files.set('schemas/pics.schema.json', formatJson(schema));
  for (const [path, content] of files) files.set(path, `${content}\n`);
  return files;
}

/** The generated files whose content on disk differs from what would be generated now. */
export function staleFiles(files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content).map(([path]) => path);
}

function main(args: readonly string[]): number {
  if (!existsSync(REFERENCE_DIR)) {
    process.stderr.write(`reference data not found at ${REFERENCE_DIR} (set OCPPCT_REFERENCE_DIR)\n`);
    return 2;
  }
  const files = generateCatalog();
  if (args.includes('--check')) {
    const stale = staleFiles(files);
    for (const path of stale) process.stderr.write(`${path} is out of date: run node bin/run-ts.js scripts/generate-catalog.ts\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const [path, content] of files) {
    writeFileSync(join(ROOT, path), content);
    process.stdout.write(`wrote ${relative(process.cwd(), join(ROOT, path))}\n`);
  }
  return 0;
}

// bin/run-ts.js loads this file with require(), so require.main is run-ts.js there; it sets argv[1] to this file.
if (require.main === module || resolve(process.argv[1] ?? '') === __filename) process.exitCode = main(process.argv.slice(2));
