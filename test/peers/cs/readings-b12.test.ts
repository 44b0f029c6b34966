// TC_B_12_CS: which required variables are writable comes from Part 2, not from the station's own report (issue 10, item 7).
import { outcome, runAgainstScriptedStation, ScriptedStation, standardVariables } from './station-script';

describe('TC_B_12_CS against scripted stations', () => {
  test('a station reporting every required ReadWrite variable passes', async () => {
    const result = await runAgainstScriptedStation('TC_B_12_CS', (config) => new ScriptedStation({ config }));
    expect(outcome(result)).toMatch(/^passed: /);
  }, 30_000);

  test('a station that leaves a required ReadWrite variable out of both reports fails, naming it', async () => {
    const variables = standardVariables().filter((v) => !(v.component === 'OCPPCommCtrlr' && v.variable === 'OfflineThreshold'));
    const result = await runAgainstScriptedStation('TC_B_12_CS', (config) => new ScriptedStation({ config, variables }));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/required ReadWrite component-variables .* missing from the ConfigurationInventory report: expected none .*, got OCPPCommCtrlr.OfflineThreshold$/);
  }, 30_000);

  test('a station that reports a required ReadWrite variable as ReadOnly (so leaves it out of the ConfigurationInventory) fails, naming it', async () => {
    const variables = standardVariables().map((v) => (v.component === 'TxCtrlr' && v.variable === 'StopTxOnInvalidId' ? { ...v, mutability: 'ReadOnly' as const } : v));
    const result = await runAgainstScriptedStation('TC_B_12_CS', (config) => new ScriptedStation({ config, variables }));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/got TxCtrlr.StopTxOnInvalidId$/);
  }, 30_000);
});
