/** TC_O_06_CSMS: the CSMS sets a display message for the ongoing transaction, naming the transactionId the station reported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_MESSAGE, displayMessage, displayMessageSet, energyTransferStarted, evDisconnected, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_O_06_CSMS',
  name: 'Set Display Message - Specific transaction - Success',
  sut: 'CSMS',
  useCases: ['O02'],
  requirements: [],
  detects: ['displayMessages.noTransactionId', 'displayMessages.wrongPriority'],
  notes: 'The operator request is a driver action (setDisplayMessage with the transactionId of the ongoing transaction, priority InFront).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message for the ongoing transaction, sends SetDisplayMessageRequest; harness accepts', displayMessage({ transactionId: tx.transactionId }), 'Accepted');
    await ctx.step('Step 1: the message is for the transaction the station reported', () => {
      ctx.check.equal('SetDisplayMessageRequest.message.transactionId', message.transactionId, tx.transactionId);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
    });
    await ctx.step('3. Reusable State EVDisconnected', () => evDisconnected(ctx, tx));
  },
});
