/** TC_F_08_CS: the CSMS stops a charging transaction remotely. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, stopAuthorized, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_08_CS',
  name: 'Remote stop transaction - Success',
  sut: 'CS',
  useCases: ['F03'],
  requirements: ['F03.FR.02', 'F03.FR.03', 'F03.FR.07', 'F03.FR.09'],
  detects: ['remoteStop.rejected', 'remoteStop.noTrigger'],
  notes: 'Before: EnergyTransferStarted. The case is StopAuthorized (remote): RequestStopTransaction Accepted, then the stop reported as TxStopPoint says (F03.FR.02 / F03.FR.03).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1. the CSMS stops the transaction (StopAuthorized, remote)', () => stopAuthorized(session, 'remote'));
    });
  },
});
