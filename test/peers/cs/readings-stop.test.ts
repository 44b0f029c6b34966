// StopAuthorized (errata 2025-09 6.2.117): a stop reported as one Ended event still has to say the energy stopped; two events are fine too (issue 10, item 7).
import { outcome, runAgainstScriptedStation, ScriptedStation } from './station-script';

describe('TC_E_07_CS (TxStopPoint PowerPathClosed, local stop) against scripted stations', () => {
  test('one Ended event that still reports chargingState Charging fails, with the chargingState reason', async () => {
    const result = await runAgainstScriptedStation('TC_E_07_CS', (config) => new ScriptedStation({ config, stop: 'oneWhileCharging' }));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/^TransactionEventRequest.transactionInfo.chargingState: expected "EVConnected", got "Charging"/);
  }, 30_000);

  test('one Ended event with chargingState EVConnected passes', async () => {
    const result = await runAgainstScriptedStation('TC_E_07_CS', (config) => new ScriptedStation({ config, stop: 'one' }));
    expect(outcome(result)).toMatch(/^passed: /);
  }, 30_000);

  test('the stop as an Updated event, then an Ended event with the charging state change, passes', async () => {
    const result = await runAgainstScriptedStation('TC_E_07_CS', (config) => new ScriptedStation({ config, stop: 'two' }));
    expect(outcome(result)).toMatch(/^passed: /);
  }, 30_000);
});
