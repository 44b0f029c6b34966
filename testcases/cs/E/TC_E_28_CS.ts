/** TC_E_28_CS: the station knows nothing of a transactionId it never used. */
import { randomUUID } from 'node:crypto';
import { defineTestCase } from '../../../src/engine/testcase';
import { sessionOf, transactionStatus } from '../states';

export default defineTestCase({
  id: 'TC_E_28_CS',
  name: 'Check Transaction status - TransactionId unknown',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.01'],
  detects: ['transactionStatus.wrongOngoing'],
  async run(ctx) {
    await transactionStatus(sessionOf(ctx), '1-2. harness asks for the status of a random transactionId', randomUUID(), { ongoingIndicator: false, messagesInQueue: false });
  },
});
