/** TC_O_06_CS: a message for the ongoing transaction is accepted and is gone once the transaction has ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingBefore, configuredMessage, displayMessagesRequested, openTransactionId, sessionEndedInTurn, setDisplayMessage, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_06_CS',
  name: 'Set Display Message - Specific transaction - Success',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.02', 'O02.FR.14'],
  detects: ['displayMessages.keptAfterTransaction'],
  notes:
    '<Configured transactionId> is the id of the transaction of the Before state. Part 6 puts the step 2 validation at step 1. ' +
    'Whether the message is shown is not observable over OCPP; its removal with the transaction is checked at step 8.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await chargingBefore(session);
      const message = configuredMessage(ctx, { transactionId: openTransactionId(session) });
      await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} of transaction ${message.transactionId}, station accepts`, message);
      await sessionEndedInTurn(session, message.transactionId as string, 3);
      await displayMessagesRequested(ctx, { id: [message.id] }, { request: `7-8. harness asks for message ${message.id}; it went with its transaction (Unknown)` }, 'Unknown');
    });
  },
});
