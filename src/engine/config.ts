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
  };
  readonly lanes: number;
}

/** What a config file may hold: any part of RunConfig. */
export type RunConfigFile = { readonly [K in keyof RunConfig]?: RunConfig[K] extends object ? Partial<RunConfig[K]> : RunConfig[K] };

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

/** Layers partial configs over the defaults, later ones winning, objects merged field by field. */
export function resolveConfig(...layers: readonly (RunConfigFile | undefined)[]): RunConfig {
  let config: Record<string, unknown> = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, unknown>;
  for (const layer of layers) {
    if (!layer) continue;
    const next: Record<string, unknown> = { ...config };
    for (const [key, value] of Object.entries(layer)) {
      if (key === '$schema' || value === undefined) continue;
      next[key] = isPlainObject(value) && isPlainObject(config[key]) ? { ...(config[key] as object), ...value } : value;
    }
    config = next;
  }
  return config as unknown as RunConfig;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the run-config schema lives, for documentation and editors. */
export const RUN_CONFIG_SCHEMA_PATH = join(__dirname, '..', '..', 'schemas', 'run-config.schema.json');
