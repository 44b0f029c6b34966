// A failure caused by what the run config declares about an optional feature names the flag to change (issue 10, item 7).
import { outcome, runAgainstScriptedStation, ScriptedStation } from './station-script';

describe('configured.resetPerEvse', () => {
  test('declared true, but the station rejects a per-EVSE reset: TC_B_25_CS fails and says how to declare the feature absent', async () => {
    const result = await runAgainstScriptedStation('TC_B_25_CS', (config) => new ScriptedStation({ config, handlers: { Reset: () => ({ status: 'Rejected' }) } }), { configured: { resetPerEvse: true } });
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/ResetResponse.status: expected "Accepted", got "Rejected" \(if the station has no such feature, set configured.resetPerEvse to false\)$/);
  }, 30_000);

  test('left false (the default), but the station resets a single EVSE: TC_B_28_CS fails and says how to declare the feature', async () => {
    const result = await runAgainstScriptedStation('TC_B_28_CS', (config) => new ScriptedStation({ config, handlers: { Reset: () => ({ status: 'Accepted' }) } }));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/\(if the station has this feature, set configured.resetPerEvse to true\)$/);
  }, 30_000);

  test('the station does what the config declares: TC_B_28_CS passes', async () => {
    const result = await runAgainstScriptedStation('TC_B_28_CS', (config) => new ScriptedStation({ config, handlers: { Reset: () => ({ status: 'Rejected' }) } }));
    expect(outcome(result)).toMatch(/^passed: /);
  }, 30_000);
});
