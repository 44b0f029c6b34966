/** The run configuration: defaults, a JSON file validated against schemas/run-config.schema.json, and presets for the reference SUTs. */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../schemas/run-config.schema.json';

/** An EVSE and its connector ids. */
export interface EvseLayout {
  readonly id: number;
  readonly connectors: readonly number[];
}

/** An idToken as OCPP sends it. */
export interface ConfiguredIdToken {
  readonly idToken: string;
  readonly type: 'Central' | 'eMAID' | 'ISO14443' | 'ISO15693' | 'KeyCode' | 'Local' | 'MacAddress' | 'NoAuthorization';
}

/** The idTokens of Part 6, by the status their name promises. */
export type ConfiguredIdTokens = Readonly<Record<'valid' | 'valid2' | 'invalid' | 'blocked' | 'expired' | 'masterPass' | 'group', ConfiguredIdToken>>;

/** The resolved configuration of a run: every field present. */
export interface RunConfig {
  readonly timeouts: { readonly messageMs: number; readonly connectMs: number; readonly operatorMs: number; readonly caseMs: number };
  readonly station: { readonly id: string; readonly basicAuthPassword?: string; readonly vendorName: string; readonly model: string; readonly evses: readonly EvseLayout[] };
  readonly csms: { readonly host: string; readonly port: number; readonly path: string };
  readonly configured: {
    readonly heartbeatInterval: number;
    readonly dataTransferVendorId: string;
    readonly dataTransferMessageId: string;
    readonly customDataVendorId: string;
    readonly maxTimeDeviationSeconds: number;
    readonly evseId: number;
    readonly connectorId: number;
    readonly idTokens: ConfiguredIdTokens;
    readonly masterPassGroupId: ConfiguredIdToken;
  };
  readonly lanes: number;
}

/** What a config file may hold: any part of RunConfig. */
export type RunConfigFile = DeepPartial<RunConfig>;

/** Every field optional, at every depth (arrays stay whole). */
type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Defaults for a real SUT: generous timeouts, one lane. */
export const DEFAULT_CONFIG: RunConfig = {
  timeouts: { messageMs: 30_000, connectMs: 60_000, operatorMs: 300_000, caseMs: 600_000 },
  station: { id: 'OCPPCT001', vendorName: 'OpenOcppCt', model: 'RefStation', evses: [{ id: 1, connectors: [1] }], basicAuthPassword: 'ocppct-secret-0001' },
  csms: { host: '127.0.0.1', port: 9000, path: '/ocpp' },
  configured: {
    heartbeatInterval: 300,
    dataTransferVendorId: 'org.openchargealliance.octt',
    dataTransferMessageId: 'OcppCtUnknownMessage',
    customDataVendorId: 'org.ocppct.custom',
    maxTimeDeviationSeconds: 4,
    evseId: 1,
    connectorId: 1,
    idTokens: {
      valid: { idToken: 'OCPPCT-VALID-01', type: 'ISO14443' },
      valid2: { idToken: 'OCPPCT-VALID-02', type: 'ISO14443' },
      invalid: { idToken: 'OCPPCT-INVALID', type: 'ISO14443' },
      blocked: { idToken: 'OCPPCT-BLOCKED', type: 'ISO14443' },
      expired: { idToken: 'OCPPCT-EXPIRED', type: 'ISO14443' },
      masterPass: { idToken: 'OCPPCT-MASTER', type: 'ISO14443' },
      group: { idToken: 'OCPPCT-GROUP', type: 'Central' },
    },
    masterPassGroupId: { idToken: 'OCPPCT-MASTERGROUP', type: 'Central' },
  },
  lanes: 1,
};

/** What a run against the in-process reference SUTs changes: short waits (they answer in milliseconds), two EVSEs, port 0, two lanes. */
export const REFERENCE_PRESET: RunConfigFile = {
  timeouts: { messageMs: 1_500, connectMs: 3_000, operatorMs: 5_000, caseMs: 30_000 },
  station: { evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1] }] },
  csms: { port: 0 },
  configured: { heartbeatInterval: 1 },
  lanes: 2,
};

/** A bad configuration: says which field and why. */
export class ConfigError extends Error {
  readonly code = 'OCPPCT_BAD_CONFIG';
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateFile = ajv.compile(schema);

/** Checks a parsed config object against the schema; throws ConfigError naming each bad field and the reason. */
export function checkConfigFile(value: unknown, source: string): RunConfigFile {
  if (validateFile(value)) return value as RunConfigFile;
  const problems = (validateFile.errors ?? []).map((e) => {
    const field = e.instancePath || '(root)';
    const extra = 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${field}: ${e.message}${extra}`;
  });
  throw new ConfigError(`${source} is not a valid run config:\n  ${problems.join('\n  ')}`);
}

/** Reads and checks a JSON config file. */
export function readConfigFile(path: string): RunConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config file ${path} is not JSON: ${(e as Error).message}`);
  }
  return checkConfigFile(value, path);
}

/** Layers partial configs over the defaults, later ones winning; objects merge field by field at every depth, arrays are replaced. */
export function resolveConfig(...layers: readonly (RunConfigFile | undefined)[]): RunConfig {
  let config: Record<string, unknown> = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, unknown>;
  for (const layer of layers) if (layer) config = merge(config, layer as Record<string, unknown>);
  return config as unknown as RunConfig;
}

function merge(base: Record<string, unknown>, layer: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    if (key === '$schema' || value === undefined) continue;
    next[key] = isPlainObject(value) && isPlainObject(base[key]) ? merge(base[key] as Record<string, unknown>, value) : value;
  }
  return next;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the run-config schema lives, for documentation and editors. */
export const RUN_CONFIG_SCHEMA_PATH = join(__dirname, '..', '..', 'schemas', 'run-config.schema.json');
