/** TC_E_08_CS: with TxStopPoint EnergyTransfer, the stop authorization ends the transaction as the energy stops. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, stopAuthorized, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_08_CS',
  name: 'Stop transaction options - EnergyTransfer stopped - StopAuthorized',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.07', 'E06.FR.15'],
  detects: ['txStopPoint.ignored', 'transaction.wrongStoppedReason'],
  configuration: [txStopPoint('EnergyTransfer')],
  notes: 'TxStopPoint is set to EnergyTransfer alone. StopAuthorized uses configured.stopTransactionVia; its errata 2025-09 6.2.117 validations require the last event to end the transaction.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1. stop the session (StopAuthorized)', () => stopAuthorized(session));
    });
  },
});
