// Scripted CSMS: refuses a NotifyEvent that repeats an eventId and a Started TransactionEvent that repeats a transactionId, across connections and runs; two runs in a row must both pass.
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver, type Payload } from '../scripted-csms';

/** Cases whose steps send NotifyEvent (connector AvailabilityState) and a transaction. */
const CASES = ['TC_B_01_CSMS', 'TC_E_01_CSMS'];

/** A CSMS with a memory of every eventId and transactionId it took, for as long as it runs. */
async function rememberingCsms(): Promise<{ csms: ScriptedCsms; refusals: string[] }> {
  const eventIds = new Set<number>();
  const transactionIds = new Set<string>();
  const refusals: string[] = [];
  const csms = await ScriptedCsms.start({
    answer: (action, payload) => {
      if (action === 'NotifyEvent') {
        const ids = (payload.eventData as { eventId: number }[]).map((e) => e.eventId);
        const repeated = ids.filter((id) => eventIds.has(id));
        if (repeated.length > 0) {
          refusals.push(`eventId ${repeated.join(', ')}`);
          return { error: 'OccurrenceConstraintViolation', description: `eventId ${repeated.join(', ')} already received` };
        }
        ids.forEach((id) => eventIds.add(id));
      }
      if (action === 'TransactionEvent' && payload.eventType === 'Started') {
        const { transactionId } = payload.transactionInfo as Payload & { transactionId: string };
        if (transactionIds.has(transactionId)) {
          refusals.push(`transactionId ${transactionId}`);
          return { error: 'OccurrenceConstraintViolation', description: `transaction ${transactionId} already started` };
        }
        transactionIds.add(transactionId);
      }
      return plainAnswer(action, payload);
    },
  });
  return { csms, refusals };
}

const noActions = scriptedDriver((action) => {
  throw new Error(`these cases ask for no CSMS action, got ${action.kind}`);
});

test('two runs in a row against a CSMS that refuses repeated eventIds and transactionIds both pass', async () => {
  const { csms, refusals } = await rememberingCsms();
  try {
    for (const run of [1, 2]) {
      const results = await runCsmsCases(csms.url, CASES, noActions);
      expect(results.map((r) => `run ${run} ${r.info.id} ${outcome(r)}`)).toEqual(CASES.map((id) => `run ${run} ${id} passed: every step and validation passed`));
    }
    expect(refusals).toEqual([]);
    // The CSMS really saw NotifyEvents in both runs (two cases each), so the memory was put to the test.
    expect(csms.received.filter((c) => c.action === 'NotifyEvent').length).toBeGreaterThanOrEqual(4);
  } finally {
    await csms.close();
  }
});
