/** TC_E_30_CSMS: the CSMS asks a station about an ongoing transaction by id (nothing queued). */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, leaveIdle, newTransaction, transactionStatusAsked } from '../states';

export default defineTestCase({
  id: 'TC_E_30_CSMS',
  name: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  sut: 'CSMS',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.05'],
  detects: ['transactionStatus.dropsTransactionId'],
  notes: 'Part 6 names no trigger for the GetTransactionStatusRequest: the harness asks the CSMS side for it through the driver.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await transactionStatusAsked(ctx, '1-2. the CSMS asks about the transaction; harness answers ongoing, nothing queued', tx.transactionId, { ongoingIndicator: true, messagesInQueue: false });
    await leaveIdle(ctx, tx);
  },
});
