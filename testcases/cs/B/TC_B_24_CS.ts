/** TC_B_24_CS: a connector reserved before a reset is still reported Reserved after the station reboots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootedAfterReset, reservationEnabled, reserved, resetAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_B_24_CS',
  name: 'Reset Charging Station - Reserved persists reset',
  sut: 'CS',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.03', 'B11.FR.04', 'B11.FR.05', 'B01.FR.03'],
  detects: ['reservation.lostOnReset', 'reset.wrongBootReason', 'reset.rejected'],
  configuration: [reservationEnabled(true)],
  notes:
    'The memory state Reserved for <Configured connectorId> is Reusable State Reserved for <Configured evseId> (a reservation ' +
    'is for an EVSE) with an expiryDateTime far enough ahead (<Configured expiryDateTime> plus the connect timeout and three message timeouts) to outlast the reset. ' +
    'After the boot the connectors of that EVSE must be reported Reserved and every other connector Available, by ' +
    'StatusNotification or NotifyEvent; the reservation is cancelled afterwards.',
  async run(ctx) {
    const { config } = ctx;
    const { evseId } = config.configured;
    // Long enough to outlast the reset and the boot: what is checked is that the reservation survives them, not its expiry.
    const expiresInS = config.configured.reservationDuration + (config.timeouts.connectMs + 3 * config.timeouts.messageMs) / 1000;
    await withReservationsCancelled(ctx, async () => {
      await ctx.step('Before: memory state Reserved for <Configured connectorId>', () => reserved(ctx, { expiresInS }));
      await resetAnswered(ctx, { type: 'OnIdle' }, 'Accepted');
      await rebootedAfterReset(ctx, { first: 3, reason: 'RemoteReset', expected: (e) => (e === evseId ? 'Reserved' : 'Available') });
    });
  },
});
