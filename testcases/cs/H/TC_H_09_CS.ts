/** TC_H_09_CS: with every EVSE reserved, a reservation without an EVSE is refused as Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { nonEvseSpecificRequired, reservationEnabled, reserved, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_09_CS',
  name: 'Reserve an unspecified EVSE - Occupied - EVSE Reserved',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  detects: ['reservation.occupiedAccepted'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes: 'Before: Reusable State Reserved for every configured EVSE, each for <Configured valid_idtoken2>.',
  async run(ctx) {
    const { evses } = ctx.config.station;
    const { idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, async () => {
      for (const evse of evses) await ctx.step(`Before: EVSE ${evse.id} is Reserved`, () => reserved(ctx, { evseId: evse.id, idToken: idTokens.valid2 }));
      await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken>, station answers Occupied', { idToken: idTokens.valid }, 'Occupied');
    });
  },
});
