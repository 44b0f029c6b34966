/** TC_O_10_CSMS: the CSMS sets a display message for a transaction the station does not know, and copes with UnknownTransaction. */
import { newTransactionId } from '../../../src/actors/ids';
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_MESSAGE, displayMessage, displayMessageSet, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_O_10_CSMS',
  name: 'Set Display Message - Specific transaction - UnknownTransaction',
  sut: 'CSMS',
  useCases: ['O02'],
  requirements: ['O02.FR.01'],
  detects: ['displayMessages.noTransactionId', 'displayMessages.wrongPriority'],
  notes:
    'Prerequisite: the CSMS can set a message for a transaction that does not exist. While a transaction runs (EnergyTransferStarted), the operator is asked (driver action setDisplayMessage) for a message for another transactionId, one the station never reported; an operator who cannot makes the case inconclusive. The harness answers UnknownTransaction.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const unknown = newTransactionId();
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message for a transaction the station does not know, sends SetDisplayMessageRequest; harness answers UnknownTransaction', displayMessage({ transactionId: unknown }), 'UnknownTransaction');
    await ctx.step('Step 1: a message for a transaction', () => {
      ctx.check.that('SetDisplayMessageRequest.message.transactionId', message.transactionId !== undefined, 'present', message.transactionId ?? '(omitted)');
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
    });
    await leaveIdle(ctx, tx);
  },
});
