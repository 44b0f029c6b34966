/** TC_O_28_CS: a transaction's message with an endDateTime is gone once that time has passed, while the transaction goes on. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingBefore, configuredMessage, displayMessagesRequested, openTransactionId, setDisplayMessage, waitUntil, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_28_CS',
  name: 'Set Display Message - Specific transaction - Remove message after EndTime',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.07'],
  detects: ['displayMessages.endTimeIgnored'],
  notes: 'Errata 2025-02 6.2.113: the message carries the transactionId. endDateTime is now + <Configured End Date Time Offset> (errata 2025-09 6.2.111); the wait adds 1 s for the station clock.',
  async run(ctx) {
    const { endOffsetSeconds } = ctx.config.configured.displayMessage;
    await withSession(ctx, async (session) => {
      await chargingBefore(session);
      const endAt = Date.now() + endOffsetSeconds * 1000;
      const message = configuredMessage(ctx, { transactionId: openTransactionId(session), endDateTime: new Date(endAt).toISOString() });
      await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} of transaction ${message.transactionId} ending in ${endOffsetSeconds} s, station accepts`, message);
      await waitUntil(ctx, `Wait until <Configured End Date Time Offset> (${endOffsetSeconds} s) has passed`, endAt);
      await displayMessagesRequested(ctx, { id: [message.id] }, { request: `3-4. harness asks for message ${message.id}; it was removed at its endDateTime (Unknown)` }, 'Unknown');
    });
  },
});
