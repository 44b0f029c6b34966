/** TC_E_07_CS: with TxStopPoint PowerPathClosed, stopping with the token ends the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, stopAuthorized, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_07_CS',
  name: 'Stop transaction options - PowerPathClosed - Local stop',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  detects: ['txStopPoint.ignored', 'auth.stopTokenIgnored', 'transaction.endedWhileCharging'],
  configuration: [txStopPoint('PowerPathClosed')],
  notes:
    'TxStopPoint is set to PowerPathClosed alone. The manual action (token presented to stop) is the first action of StopAuthorized (local). ' +
    'A station may report the stop and the end of the transaction in one event or in two (errata 2025-09 6.2.117); when it is one event, ' +
    'the chargingState check of the state\'s step 3 applies to it, so a station that ends the transaction while reporting Charging fails.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1. present the token to stop (StopAuthorized, local)', () => stopAuthorized(session, 'local'));
    });
  },
});
