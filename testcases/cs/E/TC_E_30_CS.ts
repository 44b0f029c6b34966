/** TC_E_30_CS: an online station reports its ongoing transaction with nothing queued. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, transactionStatus, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_30_CS',
  name: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.05'],
  detects: ['transactionStatus.wrongOngoing'],
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await transactionStatus(session, '1-2. harness asks for the status of the ongoing transaction', session.transactionId, { ongoingIndicator: true, messagesInQueue: false });
    });
  },
});
