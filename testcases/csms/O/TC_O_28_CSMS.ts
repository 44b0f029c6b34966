/** TC_O_28_CSMS: the CSMS sets a display message for the ongoing transaction with the end time its operator gives. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, checkSameTime, DISPLAY_MESSAGE, displayMessage, displayMessageSet, displayWindow, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_O_28_CSMS',
  name: 'Set Display Message - Specific transaction - Remove message after EndTime',
  sut: 'CSMS',
  useCases: ['O02'],
  requirements: [],
  detects: ['displayMessages.endTimeDropped', 'displayMessages.noTransactionId', 'displayMessages.wrongPriority'],
  notes:
    'Errata 2025-09 §6.3.26 starts the case in EnergyTransferStarted and lists both "message.state <Configured State>" and "message.state is <omitted>"; we follow the more specific lines it adds (state and startDateTime omitted, transactionId the one of the Before transaction), as errata §6.3.25 does for TC_O_27_CSMS, so the operator is asked for no state. <Configured endDateTime> is two hours ahead (driver action setDisplayMessage).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const { endDateTime } = displayWindow();
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message for the ongoing transaction until an end time, sends SetDisplayMessageRequest; harness accepts', displayMessage({ endDateTime, transactionId: tx.transactionId }), 'Accepted');
    await ctx.step('Step 1: the priority, the end time and the transaction', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
      checkSameTime(ctx, 'SetDisplayMessageRequest.message.endDateTime', message.endDateTime, endDateTime);
      ctx.check.equal('SetDisplayMessageRequest.message.transactionId', message.transactionId, tx.transactionId);
      ctx.check.equal('SetDisplayMessageRequest.message.state', message.state, undefined);
      ctx.check.equal('SetDisplayMessageRequest.message.startDateTime', message.startDateTime, undefined);
    });
    await leaveIdle(ctx, tx);
  },
});
