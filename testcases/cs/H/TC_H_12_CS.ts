/** TC_H_12_CS: with the whole station Unavailable, a reservation without an EVSE is refused as Unavailable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { nonEvseSpecificRequired, reservationEnabled, reserveNowAnswered, unavailable, withAvailabilityRestored, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_12_CS',
  name: 'Reserve an unspecified EVSE - Unavailable',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.14'],
  detects: ['reservation.unavailableAccepted'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes: 'The memory state is Reusable State Unavailable for the whole station; it is set Operative again afterwards.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () =>
      withReservationsCancelled(ctx, async () => {
        await ctx.step('Before: the station is Unavailable', () => unavailable(ctx, {}));
        await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken>, station answers Unavailable', { idToken: ctx.config.configured.idTokens.valid }, 'Unavailable');
      }),
    );
  },
});
