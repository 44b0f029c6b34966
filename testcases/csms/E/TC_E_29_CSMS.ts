/** TC_E_29_CSMS: after the station was offline, the CSMS asks about the ongoing transaction by id and takes the queued event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { deliverQueuedReading, dropConnectionAndReturn, energyTransferStarted, leaveIdle, newTransaction, transactionStatusAsked } from '../states';

export default defineTestCase({
  id: 'TC_E_29_CSMS',
  name: 'Check Transaction status - Transaction with id ongoing - with message in queue',
  sut: 'CSMS',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.04'],
  detects: ['transactionStatus.dropsTransactionId', 'transaction.rejectsOfflineEvents'],
  notes:
    'Part 6 names no trigger for the GetTransactionStatusRequest: the harness asks the CSMS side for it through the driver ' +
    '(operator, webhook or reference CSMS) once it is back online. The harness reconnects without a new BootNotification, as ' +
    'a station does after a lost connection. The queued event is a periodic meter reading taken while offline.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const offlineSince = await dropConnectionAndReturn(ctx);
    await transactionStatusAsked(ctx, '3-4. the CSMS asks about the transaction; harness answers ongoing, with messages queued', tx.transactionId, { ongoingIndicator: true, messagesInQueue: true });
    await deliverQueuedReading(ctx, tx, offlineSince);
    await leaveIdle(ctx, tx);
  },
});
