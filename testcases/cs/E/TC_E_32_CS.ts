/** TC_E_32_CS: after a transaction ended and everything was delivered, the station reports it as not ongoing with nothing queued. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, parkingBayUnoccupied, transactionStatus, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_32_CS',
  name: 'Check Transaction status - Transaction with id ended - without message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.05'],
  detects: ['transactionStatus.wrongOngoing'],
  notes: 'ParkingBayUnoccupied runs the states before it (StopAuthorized, EVConnectedPostSession, EVDisconnected) as Part 6 chains them.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const transactionId = session.transactionId;
      await ctx.step('Before: reach state ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
      await transactionStatus(session, '1-2. harness asks for the status of the ended transaction', transactionId, { ongoingIndicator: false, messagesInQueue: false });
    });
  },
});
