/** TC_O_27_CS: a transaction's message with a startDateTime ahead is accepted, and is gone once the transaction has ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingBefore, configuredMessage, displayMessagesRequested, openTransactionId, sessionEndedInTurn, setDisplayMessage, waitUntil, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_27_CS',
  name: 'Set Display Message - Specific transaction - Display message at StartTime',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.06'],
  detects: ['displayMessages.keptAfterTransaction'],
  notes:
    'Part 6 leaves message.transactionId out of step 1, yet the case is about a transaction\'s message and step 8 expects it gone once the ' +
    'transaction ended: the message carries the transactionId, as errata 2025-02 6.2.113 added to TC_O_28_CS. startDateTime is now + ' +
    '<Configured Start Date Time Offset> (errata 2025-09 6.2.111), waited out while charging.',
  async run(ctx) {
    const { startOffsetSeconds } = ctx.config.configured.displayMessage;
    await withSession(ctx, async (session) => {
      await chargingBefore(session);
      const startAt = Date.now() + startOffsetSeconds * 1000;
      const message = configuredMessage(ctx, { transactionId: openTransactionId(session), startDateTime: new Date(startAt).toISOString() });
      await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} of transaction ${message.transactionId} starting in ${startOffsetSeconds} s, station accepts`, message);
      await waitUntil(ctx, `Wait until <Configured Start Date Time Offset> (${startOffsetSeconds} s) has passed: the message is shown from then on`, startAt);
      await sessionEndedInTurn(session, message.transactionId as string, 3);
      await displayMessagesRequested(ctx, { id: [message.id] }, { request: `7-8. harness asks for message ${message.id}; it went with its transaction (Unknown)` }, 'Unknown');
    });
  },
});
