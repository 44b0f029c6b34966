/** TC_E_06_CS: the driver stops charging by presenting the token again, unplugs and leaves: the whole local stop. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, energyTransferStarted, evConnectedPostSession, evDisconnected, parkingBayUnoccupied, stopAuthorized, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_06_CS',
  name: 'Local Stop Transaction - Accepted',
  sut: 'CS',
  useCases: ['E07', 'C01', 'C02', 'C04'],
  requirements: ['E07.FR.04', 'E06.FR.15', 'C01.FR.03'],
  detects: ['auth.stopTokenIgnored', 'transaction.wrongStoppedReason', 'connector.noAvailableStatus'],
  configuration: AUTHORIZATION_ON,
  notes: 'StopAuthorized is run locally, as the case requires, whatever configured.stopTransactionVia says; it follows errata 2025-09 6.2.117.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1. stop with the same token (StopAuthorized, local)', () => stopAuthorized(session, 'local'));
      await ctx.step('2. energy transfer over (EVConnectedPostSession)', () => evConnectedPostSession(session));
      await ctx.step('3. unplug the EV (EVDisconnected)', () => evDisconnected(session));
      await ctx.step('4. the EV leaves (ParkingBayUnoccupied)', () => parkingBayUnoccupied(session));
    });
  },
});
