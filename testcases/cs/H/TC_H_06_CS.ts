/** TC_H_06_CS: an Unavailable EVSE refuses a reservation as Unavailable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredEvse, reservationEnabled, reserveNowAnswered, unavailable, withAvailabilityRestored, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_06_CS',
  name: 'Reserve a specific EVSE - Unavailable',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.14'],
  detects: ['reservation.unavailableAccepted'],
  configuration: [reservationEnabled(true)],
  notes: 'The memory state <Configured evseId> is Unavailable is reached with Reusable State Unavailable for the EVSE; it is set Operative again afterwards.',
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withAvailabilityRestored(ctx, () =>
      withReservationsCancelled(ctx, async () => {
        await ctx.step('Before: <Configured evseId> is Unavailable', () => unavailable(ctx, configuredEvse(ctx)));
        await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest for <Configured evseId> and <Configured valid_idtoken2>, station answers Unavailable', { evseId, idToken: idTokens.valid2 }, 'Unavailable');
      }),
    );
  },
});
