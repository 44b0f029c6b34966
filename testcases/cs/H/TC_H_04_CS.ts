/** TC_H_04_CS: an EVSE with a charging EV refuses a reservation as Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, reservationEnabled, reserveNowAnswered, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_04_CS',
  name: 'Reserve a specific EVSE - Occupied - EVSE Occupied',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.13'],
  detects: ['reservation.occupiedAccepted'],
  configuration: [reservationEnabled(true)],
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: state EnergyTransferStarted', () => energyTransferStarted(session));
        await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest for <Configured evseId> and <Configured valid_idtoken2>, station answers Occupied', { evseId, idToken: idTokens.valid2 }, 'Occupied');
      }),
    );
  },
});
