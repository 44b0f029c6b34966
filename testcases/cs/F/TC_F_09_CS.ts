/** TC_F_09_CS: a remote stop naming a transaction the station does not have is rejected. */
import { randomUUID } from 'node:crypto';
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_09_CS',
  name: 'Remote stop transaction - Rejected',
  sut: 'CS',
  useCases: ['F03'],
  requirements: ['F03.FR.08'],
  detects: ['remoteStop.acceptsUnknown'],
  notes: 'Before: EnergyTransferStarted. The transactionId sent is a fresh UUID, so it differs from the one the station reported; the transaction must go on (the clean-up stops it).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1-2. harness sends RequestStopTransactionRequest with another transactionId, station rejects it', async () => {
        let other = randomUUID();
        while (other === session.transactionId) other = randomUUID();
        const answer = await ctx.csms.call('RequestStopTransaction', { transactionId: other });
        ctx.check.equal('RequestStopTransactionResponse.status', answer.status, 'Rejected');
      });
    });
  },
});
