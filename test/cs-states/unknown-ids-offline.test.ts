// unknownIdsAllowedOffline (TC_E_16_CS, TC_E_43_CS): a station without OfflineTxForUnknownIdEnabled on ends those cases inconclusive, not failed.
import { REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import type { CaseResult } from '../../src/engine/results';
import { runCases } from '../../src/engine/runner';
import { defineTestCase, type ConfigurationSetting, type TestCase } from '../../src/engine/testcase';
import { TOOL_VERSION } from '../../src/version';
import { ifImplemented, offlineTxForUnknownId, unknownIdsAllowedOffline } from '../../testcases/cs/states';

/** A probe case with `configuration` whose body is only the guard. */
function probe(id: string, configuration: readonly ConfigurationSetting[]): TestCase {
  return defineTestCase({
    id,
    name: `unknownIdsAllowedOffline probe ${id}`,
    sut: 'CS',
    useCases: [],
    requirements: [],
    detects: [],
    configuration,
    run: (ctx) => unknownIdsAllowedOffline(ctx),
  });
}

/** Runs the cases one after another in a single lane against a fresh reference station. */
async function runInOneLane(...cases: TestCase[]): Promise<readonly CaseResult[]> {
  const result = await runCases({
    info: { runId: 'unknown-ids-offline', toolVersion: TOOL_VERSION, sut: 'CS', target: 'reference', profiles: [], startedAt: new Date().toISOString(), outDir: '' },
    cases,
    reporter: {},
    target: { kind: 'reference' },
    config: resolveConfig(REFERENCE_PRESET, { lanes: 1 }),
  });
  return cases.map((c) => result.cases.find((r) => r.info.id === c.id) as CaseResult);
}

test('the guard lets the case go on when OfflineTxForUnknownIdEnabled is on, and makes it inconclusive when it is off', async () => {
  const [on, off] = await runInOneLane(probe('TC_E_98_CS', [ifImplemented(offlineTxForUnknownId(true))]), probe('TC_E_99_CS', [offlineTxForUnknownId(false)]));
  expect(`${on.verdict}: ${on.reason}`).toMatch(/^passed: /);
  expect(off.verdict).toBe('inconclusive');
  expect(off.reason).toMatch(/OfflineTxForUnknownIdEnabled is false/);
});
