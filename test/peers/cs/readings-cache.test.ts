// Memory state "the idToken is not in the Authorization Cache": a station without the feature already satisfies it, so the case goes on (issue 10, item 7).
import { outcome, runAgainstScriptedStation, ScriptedStation, stepTitlesOf } from './station-script';

describe('TC_C_04_CS against a station without an authorization cache', () => {
  test('ClearCacheRequest answered CALLERROR NotImplemented: the memory state holds, the case goes on and passes', async () => {
    const result = await runAgainstScriptedStation('TC_C_04_CS', (config) => new ScriptedStation({ config, handlers: { ClearCache: () => ({ error: 'NotImplemented' }) } }));
    expect(outcome(result)).toMatch(/^passed: /);
    expect(stepTitlesOf(result).some((title) => /has no authorization cache \(ClearCacheRequest answered CALLERROR NotImplemented\).*memory state holds/.test(title))).toBe(true);
    expect(result.station.received.map((c) => c.action)).toContain('ClearCache');
  }, 30_000);

  test('ClearCacheRequest answered Rejected by a station without AuthCacheCtrlr: the memory state holds as well', async () => {
    const result = await runAgainstScriptedStation('TC_C_04_CS', (config) => new ScriptedStation({ config, handlers: { ClearCache: () => ({ status: 'Rejected' }) } }));
    expect(outcome(result)).toMatch(/^passed: /);
    expect(stepTitlesOf(result).some((title) => /authorization cache is not in use \(the station has no AuthCacheCtrlr.Enabled/.test(title))).toBe(true);
  }, 30_000);

  test('ClearCacheRequest answered Rejected although the cache is enabled: the state is unknown, the case is inconclusive', async () => {
    const result = await runAgainstScriptedStation('TC_C_04_CS', (config) => {
      const station = new ScriptedStation({ config, handlers: { ClearCache: () => ({ status: 'Rejected' }) } });
      station.variables.push({ component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true', mutability: 'ReadWrite', dataType: 'boolean' });
      return station;
    });
    expect(outcome(result)).toMatch(/^inconclusive: .*Rejected although its authorization cache is enabled/);
  }, 30_000);
});
