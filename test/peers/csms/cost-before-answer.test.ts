// A CSMS that sends its CostUpdatedRequest before it answers the TransactionEventRequest that prompted it (the harness's own CALL is still open): the harness answers it at once and TC_I_01_CSMS still finds it.
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver, type Payload, type ScriptedAnswer } from '../scripted-csms';

jest.setTimeout(60_000);

/** A tariff CSMS that first sends the running cost, and answers the periodic update only once the station took it. */
function costFirst(answered: Payload[]): ScriptedAnswer {
  return (action, payload, session, messageId) => {
    const event = payload as { eventType?: string; meterValue?: unknown[]; transactionInfo?: { transactionId: string } };
    if (action !== 'TransactionEvent' || event.eventType !== 'Updated' || !event.meterValue?.length) return plainAnswer(action, payload);
    void session.call('CostUpdated', { totalCost: 1.25, transactionId: event.transactionInfo?.transactionId ?? '' }).then((answer) => {
      answered.push(answer);
      session.reply(messageId, {});
    });
    return { silent: true };
  };
}

test('TC_I_01_CSMS passes against a CSMS that sends CostUpdatedRequest before its TransactionEventResponse, and every CostUpdatedRequest is answered', async () => {
  const answered: Payload[] = [];
  const csms = await ScriptedCsms.start({ answer: costFirst(answered) });
  try {
    const [result] = await runCsmsCases(csms.url, ['TC_I_01_CSMS'], scriptedDriver(() => undefined));
    expect(outcome(result)).toBe('passed: every step and validation passed');
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.every((a) => Object.keys(a).length === 0)).toBe(true);
  } finally {
    await csms.close();
  }
});
