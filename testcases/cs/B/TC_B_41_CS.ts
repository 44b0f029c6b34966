/** TC_B_41_CS: an OnIdle reset with transactions on two EVSEs is Scheduled; the station reboots only once both have ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootedAfterReset, resetAnswered, sessionEndedInTurn, statusAfterReset, withChargingOn } from '../states';

export default defineTestCase({
  id: 'TC_B_41_CS',
  name: 'Reset Charging Station - With multiple ongoing transactions - OnIdle',
  sut: 'CS',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'],
  detects: ['reset.onIdleStopsTransaction', 'reset.scheduledForgotten', 'reset.wrongBootReason'],
  applicable: (config) => (config.station.evses.length > 1 ? undefined : 'the station has a single EVSE (the case needs more than one)'),
  notes:
    'EnergyTransferStarted runs on EVSE 1 with <Configured valid_idtoken> and on EVSE 2 with <Configured valid_idtoken2>. ' +
    'The ResetRequest carries no evseId. Steps 3-6 run every state on EVSE 1 (ParkingBayUnoccupied not when the EV never ' +
    'entered the bay); steps 7-10 run on EVSE 2 until its transaction has ended, as the notes of steps 8-10 say. The station ' +
    'must stay connected until then: a reboot while a state still waits for its messages fails the case. After the boot each ' +
    'connector whose EV is still plugged in reports Occupied, every other one Available.',
  async run(ctx) {
    await withChargingOn(ctx, [1, 2], async (charging) => {
      await resetAnswered(ctx, { type: 'OnIdle' }, 'Scheduled');
      const [first, second] = charging;
      await sessionEndedInTurn(first.session, first.transactionId, 3);
      await sessionEndedInTurn(second.session, second.transactionId, 7, { untilEnded: true });
      await rebootedAfterReset(ctx, { first: 11, reason: 'ScheduledReset', expected: statusAfterReset(charging.map((c) => c.session)) });
    });
  },
});
