/** TC_H_03_CS: an EVSE already reserved refuses a second reservation as Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { reservationEnabled, reserved, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_03_CS',
  name: 'Reserve a specific EVSE - Occupied - EVSE Reserved',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  detects: ['reservation.occupiedAccepted'],
  configuration: [reservationEnabled(true)],
  notes: 'The memory state is Reusable State Reserved for <Configured evseId> with <Configured valid_idtoken>; the second reservation has its own id.',
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, async () => {
      await ctx.step('Before: <Configured evseId> is Reserved', () => reserved(ctx));
      await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest for <Configured evseId> and <Configured valid_idtoken2>, station answers Occupied', { evseId, idToken: idTokens.valid2 }, 'Occupied');
    });
  },
});
