/** TC_O_27_CSMS: the CSMS sets a display message for the ongoing transaction with the start time its operator gives. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, checkSameTime, displayMessage, displayMessageSet, displayWindow, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_O_27_CSMS',
  name: 'Set Display Message - Specific transaction - Display message at StartTime',
  sut: 'CSMS',
  useCases: ['O02'],
  requirements: [],
  detects: ['displayMessages.startTimeDropped', 'displayMessages.noTransactionId'],
  notes:
    'Validations as errata 2025-09 §6.3.25 has them: state and endDateTime omitted, transactionId the one of the Before transaction. <Configured startDateTime> is one hour ahead, handed to the CSMS in the driver action (setDisplayMessage without state or end time).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const { startDateTime } = displayWindow();
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message for the ongoing transaction from a start time, sends SetDisplayMessageRequest; harness accepts', displayMessage({ startDateTime, transactionId: tx.transactionId }), 'Accepted');
    await ctx.step('Step 1: the start time and the transaction', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      checkSameTime(ctx, 'SetDisplayMessageRequest.message.startDateTime', message.startDateTime, startDateTime);
      ctx.check.equal('SetDisplayMessageRequest.message.transactionId', message.transactionId, tx.transactionId);
      ctx.check.equal('SetDisplayMessageRequest.message.state', message.state, undefined);
      ctx.check.equal('SetDisplayMessageRequest.message.endDateTime', message.endDateTime, undefined);
    });
    await leaveIdle(ctx, tx);
  },
});
