// Pins down the run configuration: defaults, how layers combine, and that a bad config file is refused with the field and the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULT_CONFIG, REFERENCE_PRESET, checkConfigFile, readConfigFile, resolveConfig } from '../../src/engine/config';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocppct-config-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to a file in the temporary folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The ConfigError `fn` throws (failing the test when it throws nothing or something else). */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('OCPPCT_BAD_CONFIG');
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('defaults', () => {
  test('suit a real SUT: generous timeouts, one lane, the harness CSMS on port 9000 at /ocpp', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.timeouts).toEqual({ messageMs: 30_000, connectMs: 60_000, operatorMs: 300_000, caseMs: 600_000, bootGraceMs: 800, settleMs: 1_000, quietMs: 500 });
    expect(DEFAULT_CONFIG.csms).toEqual({ host: '127.0.0.1', port: 9000, path: '/ocpp' });
    expect(DEFAULT_CONFIG.lanes).toBe(1);
    expect(DEFAULT_CONFIG.station.evses).toEqual([{ id: 1, connectors: [1] }]);
  });

  test('and the reference preset are themselves valid config files', () => {
    expect(checkConfigFile(DEFAULT_CONFIG, 'defaults')).toBe(DEFAULT_CONFIG);
    expect(checkConfigFile(REFERENCE_PRESET, 'preset')).toBe(REFERENCE_PRESET);
  });
});

describe('resolveConfig', () => {
  test('merges nested objects field by field over the defaults', () => {
    const config = resolveConfig({ timeouts: { messageMs: 1_500 }, station: { id: 'CS-9' } });
    expect(config.timeouts).toEqual({ ...DEFAULT_CONFIG.timeouts, messageMs: 1_500 });
    expect(config.station).toEqual({ ...DEFAULT_CONFIG.station, id: 'CS-9' });
    expect(config.csms).toEqual(DEFAULT_CONFIG.csms);
  });

  test('merges at every depth: one field of one configured idToken changes, its siblings stay', () => {
    const { configured } = resolveConfig({ configured: { idTokens: { valid: { idToken: 'MY-TAG-01' }, blocked: { idToken: 'MY-BLOCKED', type: 'Local' } } } });
    const defaults = DEFAULT_CONFIG.configured;
    expect(configured.idTokens).toEqual({ ...defaults.idTokens, valid: { idToken: 'MY-TAG-01', type: 'ISO14443' }, blocked: { idToken: 'MY-BLOCKED', type: 'Local' } });
    expect(configured.masterPassGroupId).toEqual(defaults.masterPassGroupId);
    expect(configured.heartbeatInterval).toBe(defaults.heartbeatInterval);
  });

  test('lets later layers win, replaces arrays whole and skips missing layers', () => {
    const evses = [{ id: 1, connectors: [1, 2] }];
    const config = resolveConfig(REFERENCE_PRESET, undefined, { timeouts: { messageMs: 2_000 }, station: { evses }, lanes: 3 });
    expect(config.timeouts).toEqual({ ...REFERENCE_PRESET.timeouts, messageMs: 2_000 });
    expect(config.station.evses).toEqual(evses);
    expect(config.lanes).toBe(3);
    expect(config.csms.port).toBe(0);
    // Nested objects of the preset (firmware, …) merge field by field into the defaults' own.
    const merged: Record<string, unknown> = { ...DEFAULT_CONFIG.configured };
    for (const [key, value] of Object.entries(REFERENCE_PRESET.configured ?? {})) {
      const base = (DEFAULT_CONFIG.configured as unknown as Record<string, unknown>)[key];
      merged[key] = value && typeof value === 'object' && !Array.isArray(value) && base && typeof base === 'object' ? { ...base, ...value } : value;
    }
    expect(config.configured).toEqual(merged);
  });

  test('ignores $schema and leaves the defaults untouched', () => {
    const before = structuredClone(DEFAULT_CONFIG);
    const config = resolveConfig({ $schema: './schemas/run-config.schema.json', lanes: 4 } as Parameters<typeof resolveConfig>[0]);
    expect(config).not.toHaveProperty('$schema');
    expect(config.lanes).toBe(4);
    expect(DEFAULT_CONFIG).toEqual(before);
  });
});

describe('checkConfigFile', () => {
  test('accepts a partial file with a $schema reference', () => {
    const value = { $schema: '../schemas/run-config.schema.json', station: { id: 'CS-1' }, lanes: 2 };
    expect(checkConfigFile(value, 'run.json')).toBe(value);
  });

  test.each([
    ['an unknown top-level field', { lane: 2 }, "(root): must NOT have additional properties 'lane'"],
    ['an unknown nested field', { timeouts: { messageSeconds: 3 } }, "/timeouts: must NOT have additional properties 'messageSeconds'"],
    ['a wrong type', { timeouts: { messageMs: '30s' } }, '/timeouts/messageMs: must be integer'],
    ['a wrong type in an array', { station: { evses: [{ id: 1, connectors: ['A'] }] } }, '/station/evses/0/connectors/0: must be integer'],
    ['a value over the maximum', { lanes: 17 }, '/lanes: must be <= 16'],
    ['a deep value outside its enum', { configured: { idTokens: { valid: { idToken: 'TAG', type: 'RFID' } } } }, '/configured/idTokens/valid/type: must be equal to one of the allowed values'],
    ['a value under the minimum', { csms: { port: -1 } }, '/csms/port: must be >= 0'],
    ['a password that is too short', { station: { basicAuthPassword: 'short' } }, '/station/basicAuthPassword: must NOT have fewer than 16 characters'],
    ['a path without a leading slash', { csms: { path: 'ocpp' } }, '/csms/path: must match pattern "^/"'],
    ['a file that is not an object', [1], '(root): must be object'],
  ])('refuses %s, naming the field and the reason', (_name, value, problem) => {
    const error = configError(() => checkConfigFile(value, 'run.json'));
    expect(error.message).toBe(`run.json is not a valid run config:\n  ${problem}`);
  });

  test('lists every problem, one per line', () => {
    const error = configError(() => checkConfigFile({ lanes: 17, timeouts: { caseMs: 1.5 } }, 'run.json'));
    expect(error.message.split('\n').slice(1).sort()).toEqual(['  /lanes: must be <= 16', '  /timeouts/caseMs: must be integer']);
  });
});

describe('readConfigFile', () => {
  test('reads and checks a JSON file', () => {
    expect(readConfigFile(file('good.json', '{ "lanes": 2, "csms": { "port": 0 } }'))).toEqual({ lanes: 2, csms: { port: 0 } });
  });

  test('refuses a missing file, naming its path', () => {
    const path = join(dir, 'missing.json');
    expect(configError(() => readConfigFile(path)).message).toContain(`cannot read config file ${path}: ENOENT`);
  });

  test('refuses a file that is not JSON, naming its path', () => {
    const path = file('bad.json', '{ lanes: 2 }');
    expect(configError(() => readConfigFile(path)).message).toContain(`config file ${path} is not JSON: `);
  });

  test('refuses valid JSON that breaks the schema, naming the file and the field', () => {
    const path = file('wrong.json', '{ "lanes": "two" }');
    expect(configError(() => readConfigFile(path)).message).toBe(`${path} is not a valid run config:\n  /lanes: must be integer`);
  });
});
