// Scripted CSMS: refuses the Charging event of a transaction, so the case fails in the middle of it; the harness must still end that transaction and free its connector before the next case.
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver } from '../scripted-csms';

test('a case that fails mid-transaction leaves neither the transaction open nor the connector Occupied, and the next case passes', async () => {
  const csms = await ScriptedCsms.start({
    answer: (action, payload) =>
      action === 'TransactionEvent' && (payload.transactionInfo as { chargingState?: string }).chargingState === 'Charging'
        ? { error: 'InternalError', description: 'charging refused by the scripted CSMS' }
        : plainAnswer(action, payload),
  });
  try {
    const noActions = scriptedDriver((action) => {
      throw new Error(`these cases ask for no CSMS action, got ${action.kind}`);
    });
    const [failed, next] = await runCsmsCases(csms.url, ['TC_E_01_CSMS', 'TC_P_02_CSMS'], noActions);
    expect(outcome(failed)).toMatch(/^failed: .*TransactionEvent.*InternalError/);
    expect(failed.warnings ?? []).toEqual([]);
    const events = csms.received.filter((c) => c.action === 'TransactionEvent').map((c) => c.payload as { eventType: string; transactionInfo: { transactionId: string } });
    const started = events.find((e) => e.eventType === 'Started');
    expect(events.at(-1)).toMatchObject({ eventType: 'Ended', transactionInfo: { transactionId: started?.transactionInfo.transactionId } });
    const statuses = csms.received.filter((c) => c.action === 'StatusNotification').map((c) => c.payload.connectorStatus);
    expect(statuses.at(-1)).toBe('Available');
    expect(outcome(next)).toBe('passed: every step and validation passed');
  } finally {
    await csms.close();
  }
});
