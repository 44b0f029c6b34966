/** TC_E_33_CSMS: after the station was offline, the CSMS asks whether anything is queued without naming a transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { deliverQueuedReading, dropConnectionAndReturn, energyTransferStarted, leaveIdle, newTransaction, transactionStatusAsked } from '../states';

export default defineTestCase({
  id: 'TC_E_33_CSMS',
  name: 'Check Transaction status - Without transactionId - with message in queue',
  sut: 'CSMS',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.07'],
  detects: ['transactionStatus.queueOnlyPerTransaction', 'transaction.rejectsOfflineEvents'],
  notes:
    'Part 6 names no trigger for the GetTransactionStatusRequest: the harness asks the CSMS side for it through the driver ' +
    'once it is back online (reconnected without a new BootNotification). The queued event is a periodic meter reading taken while offline.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const offlineSince = await dropConnectionAndReturn(ctx);
    await transactionStatusAsked(ctx, '3-4. the CSMS asks whether messages are queued; harness answers yes (ongoingIndicator omitted)', undefined, { messagesInQueue: true });
    await deliverQueuedReading(ctx, tx, offlineSince);
    await leaveIdle(ctx, tx);
  },
});
