/** TC_B_21_CS: an OnIdle reset during a transaction is Scheduled; the station reboots (ScheduledReset) only once the transaction has ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, rebootedAfterReset, resetAnswered, sessionEndedInTurn, statusAfterReset, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_21_CS',
  name: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  sut: 'CS',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03'],
  detects: ['reset.onIdleStopsTransaction', 'reset.scheduledForgotten', 'reset.wrongBootReason', 'boot.noSecurityEvent'],
  notes:
    'The ResetRequest carries no evseId (errata 2025-09 6.2.14, written for the CSMS side). Part 6 makes steps 4-6 depend on ' +
    'TxStartPoint; as in TC_B_41_CS the condition is read as "the transaction has not ended yet" (which TxStopPoint decides): ' +
    'StopAuthorized, EVConnectedPostSession, EVDisconnected and ParkingBayUnoccupied run in turn until the transaction has ended ' +
    '(ParkingBayUnoccupied also not when the EV never entered the bay). Until then the station must stay connected: a reboot ' +
    'while a state still waits for its messages fails the case. After the boot the connector reports Occupied when the EV is ' +
    'still plugged in (the transaction ended at step 3), else Available.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      const transactionId = session.transactionId ?? '';
      await resetAnswered(ctx, { type: 'OnIdle' }, 'Scheduled');
      await sessionEndedInTurn(session, transactionId, 3, { untilEnded: true });
      await rebootedAfterReset(ctx, { first: 7, reason: 'ScheduledReset', expected: statusAfterReset([session]), securityEvent: true });
    });
  },
});
