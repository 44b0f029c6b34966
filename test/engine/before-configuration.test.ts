// The Before configuration state of a CS case: set with SetVariables before the body, restored afterwards, and a refusal is inconclusive.
import { REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import type { CaseResult, FrameRecord, StepRecord } from '../../src/engine/results';
import { runCases } from '../../src/engine/runner';
import { defineTestCase, type ConfigurationSetting, type TestCase } from '../../src/engine/testcase';
import { TOOL_VERSION } from '../../src/version';

const OFFLINE_THRESHOLD = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
/** The reference station's default OfflineThreshold, which every case must leave behind. */
const ORIGINAL = '300';

/** Reads OfflineThreshold from the station and checks it holds `expected`. */
function readsOfflineThreshold(id: string, expected: (heartbeatInterval: number) => string, configuration?: readonly ConfigurationSetting[], onRun?: () => void): TestCase {
  return defineTestCase({
    id,
    name: `Before configuration probe ${id}`,
    sut: 'CS',
    useCases: [],
    requirements: [],
    detects: [],
    configuration,
    async run({ step, csms, check, config }) {
      onRun?.();
      const get = await step('read OCPPCommCtrlr.OfflineThreshold back', () => csms.call('GetVariables', { getVariableData: [OFFLINE_THRESHOLD] }));
      check.equal('OfflineThreshold', get.getVariableResult[0]?.attributeValue, expected(config.configured.heartbeatInterval));
    },
  });
}

/** A case whose Before state sets OfflineThreshold to seven heartbeat intervals. */
const SEVEN_HEARTBEATS: ConfigurationSetting = { ...OFFLINE_THRESHOLD, value: (c) => String(c.configured.heartbeatInterval * 7) };

/** Runs the cases one after another in a single lane against a fresh reference station. */
async function runInOneLane(...cases: TestCase[]): Promise<readonly CaseResult[]> {
  const result = await runCases({
    info: { runId: 'before-configuration', toolVersion: TOOL_VERSION, sut: 'CS', target: 'reference', profiles: [], startedAt: new Date().toISOString(), outDir: '' },
    cases,
    reporter: {},
    target: { kind: 'reference' },
    config: resolveConfig(REFERENCE_PRESET, { lanes: 1 }),
  });
  // Results are listed by case id; hand them back in the order the cases were given.
  return cases.map((c) => result.cases.find((r) => r.info.id === c.id) as CaseResult);
}

const titles = (steps: readonly StepRecord[]): string[] => steps.flatMap((s) => [s.title, ...titles(s.steps)]);

/** The attributeValues of the SetVariables CALLs the harness sent, in order. */
function setValuesSent(frames: readonly FrameRecord[]): string[] {
  return frames
    .filter((f) => f.direction === 'out' && f.messageType === 2 && f.action === 'SetVariables')
    .flatMap((f) => (JSON.parse(f.raw) as [number, string, string, { setVariableData: { attributeValue: string }[] }])[3].setVariableData.map((d) => d.attributeValue));
}

test('a Before configuration is set before the body and restored afterwards', async () => {
  const [probe, after] = await runInOneLane(
    readsOfflineThreshold('TC_B_99_CS', (interval) => String(interval * 7), [SEVEN_HEARTBEATS]),
    readsOfflineThreshold('TC_B_98_CS', () => ORIGINAL),
  );
  expect(`${probe.verdict}: ${probe.reason}`).toMatch(/^passed: /);
  expect(titles(probe.steps)).toEqual(
    expect.arrayContaining([
      'Before: read the configuration the case changes',
      'Before: set the configuration state of the case',
      'read OCPPCommCtrlr.OfflineThreshold back',
      'Afterwards: restore the configuration the case changed',
    ]),
  );
  // REFERENCE_PRESET's heartbeatInterval is 1, so the configured value is 7; then the original comes back.
  expect(setValuesSent(probe.frames)).toEqual(['7', ORIGINAL]);
  expect(`${after.verdict}: ${after.reason}`).toMatch(/^passed: /);
}, 20_000);

test.each([
  ['a ReadOnly variable', { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, value: '5' }, /OCPPCommCtrlr\.MessageTimeout Rejected/],
  ['an unknown component', { component: { name: 'NoSuchCtrlr' }, variable: { name: 'Enabled' }, value: 'true' }, /NoSuchCtrlr\.Enabled UnknownComponent/],
] as const)('a Before configuration the station refuses (%s) makes the case inconclusive without running it', async (_what, setting, named) => {
  const body = jest.fn();
  const [result] = await runInOneLane(readsOfflineThreshold('TC_B_99_CS', () => ORIGINAL, [setting], body));
  expect(result.verdict).toBe('inconclusive');
  expect(result.reason).toMatch(/refused the Before configuration/);
  expect(result.reason).toMatch(named);
  expect(body).not.toHaveBeenCalled();
}, 20_000);

test('a partly refused Before configuration leaves none of it behind', async () => {
  const readOnly: ConfigurationSetting = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, value: '5' };
  const [refused, after] = await runInOneLane(readsOfflineThreshold('TC_B_99_CS', () => ORIGINAL, [SEVEN_HEARTBEATS, readOnly]), readsOfflineThreshold('TC_B_98_CS', () => ORIGINAL));
  expect(refused.verdict).toBe('inconclusive');
  // The accepted half (OfflineThreshold = 7) must be put back, so the next case in the lane starts from the original value.
  expect(`${after.verdict}: ${after.reason}`).toMatch(/^passed: /);
}, 20_000);

test('an "if implemented" setting the station does not have is left out, and the rest is applied', async () => {
  const absent: ConfigurationSetting = { component: { name: 'NoSuchCtrlr' }, variable: { name: 'Enabled' }, value: 'true', ifImplemented: true };
  const [result] = await runInOneLane(readsOfflineThreshold('TC_B_99_CS', (interval) => String(interval * 7), [absent, SEVEN_HEARTBEATS]));
  expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
  expect(titles(result.steps)).toContain('Before: NoSuchCtrlr.Enabled is not implemented by the station: left out (Part 6: if implemented)');
  expect(setValuesSent(result.frames)).toEqual(['7', ORIGINAL]);
}, 20_000);

test('an "if implemented" setting the station has but refuses still makes the case inconclusive', async () => {
  const readOnly: ConfigurationSetting = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, value: '5', ifImplemented: true };
  const [result] = await runInOneLane(readsOfflineThreshold('TC_B_99_CS', () => ORIGINAL, [readOnly]));
  expect(result.verdict).toBe('inconclusive');
  expect(result.reason).toMatch(/OCPPCommCtrlr\.MessageTimeout Rejected/);
}, 20_000);

test('an "if implemented" setting that already holds its value is not sent, so a ReadOnly one that is right passes', async () => {
  // The reference station's ReadOnly OCPPCommCtrlr.MessageTimeout[Default] reports its message timeout in whole seconds.
  const held: ConfigurationSetting = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, value: (c) => String(Math.ceil(c.timeouts.messageMs / 1000)), ifImplemented: true };
  const [result] = await runInOneLane(readsOfflineThreshold('TC_B_99_CS', () => ORIGINAL, [held]));
  expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
  expect(setValuesSent(result.frames)).toEqual([]);
}, 20_000);
