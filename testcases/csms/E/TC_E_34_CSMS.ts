/** TC_E_34_CSMS: the CSMS asks an idle station whether anything is queued, without naming a transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { transactionStatusAsked } from '../states';

export default defineTestCase({
  id: 'TC_E_34_CSMS',
  name: 'Check Transaction status - Without transactionId - without message in queue',
  sut: 'CSMS',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.08'],
  detects: ['transactionStatus.queueOnlyPerTransaction'],
  notes: 'Part 6 names no trigger for the GetTransactionStatusRequest: the harness asks the CSMS side for it through the driver.',
  async run(ctx) {
    await transactionStatusAsked(ctx, '1-2. the CSMS asks whether messages are queued; harness answers no (ongoingIndicator omitted)', undefined, { messagesInQueue: false });
  },
});
