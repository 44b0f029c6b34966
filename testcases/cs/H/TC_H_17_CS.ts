/** TC_H_17_CS: the CSMS cancels a reservation; the EVSE is Available again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsOf, connectorsReported, reservationEnabled, reservationEnded, reserved, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_17_CS',
  name: 'Cancel reservation of an EVSE - Success',
  sut: 'CS',
  useCases: ['H02'],
  requirements: ['H02.FR.02'],
  detects: ['reservation.cancelIgnored', 'reservation.notReported'],
  configuration: [reservationEnabled(true)],
  notes: 'Errata 2025-02 6.2.62: step 3 is complete when every connector of <Configured evseId> has been reported Available.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await withReservationsCancelled(ctx, async () => {
      const reservationId = await ctx.step('Before: <Configured evseId> is Reserved', () => reserved(ctx));
      const since = Date.now();
      await ctx.step('1-2. harness sends CancelReservationRequest for the reservation, station accepts', async () => {
        const answer = await ctx.csms.call('CancelReservation', { reservationId });
        ctx.check.equal('CancelReservationResponse.status', answer.status, 'Accepted');
        if (answer.status === 'Accepted') reservationEnded(ctx, reservationId);
      });
      await connectorsReported(ctx, '3-4. station reports every connector of the EVSE Available', connectorsOf(ctx, { evseId }), 'Available', since);
    });
  },
});
