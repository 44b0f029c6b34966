/** TC_B_22_CS: an Immediate reset during a transaction ends it (ResetCommand / ImmediateReset) before the station reboots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endedByImmediateReset, energyTransferStarted, rebootedAfterReset, resetAnswered, statusAfterReset, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_22_CS',
  name: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  sut: 'CS',
  useCases: ['B12'],
  requirements: ['B12.FR.02', 'B12.FR.04', 'E07.FR.03', 'B01.FR.03'],
  detects: ['reset.immediateKeepsTransaction', 'reset.wrongBootReason', 'transaction.wrongStoppedReason'],
  notes:
    'The ResetRequest carries no evseId (errata 2025-09 6.2.15, written for the CSMS side). Step 3 is the first non-meter ' +
    'TransactionEventRequest that is Ended or has triggerReason ResetCommand; it must arrive before the station closes the ' +
    'connection to reboot. The EV stays plugged in through the reset, so after the boot <Configured connectorId> must report ' +
    'Occupied and every other connector Available.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      await resetAnswered(ctx, { type: 'Immediate' }, 'Accepted');
      await endedByImmediateReset(session, '3-4. station ends the transaction with TransactionEventRequest', { idTokenOmitted: true });
      await rebootedAfterReset(ctx, { first: 5, reason: 'RemoteReset', expected: statusAfterReset([session]) });
    });
  },
});
