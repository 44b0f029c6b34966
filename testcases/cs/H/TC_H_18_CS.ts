/** TC_H_18_CS: cancelling a reservation the station does not have is rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { reservationEnabled } from '../states';

export default defineTestCase({
  id: 'TC_H_18_CS',
  name: 'Cancel reservation of an EVSE - Rejected',
  sut: 'CS',
  useCases: ['H02'],
  requirements: ['H02.FR.01'],
  detects: ['reservation.cancelUnknownAccepted'],
  configuration: [reservationEnabled(true)],
  notes: 'Part 6 cancels reservationId 1; the harness never makes a reservation with id 1 (its ids start at 2), so the station holds none.',
  async run(ctx) {
    await ctx.step('1-2. harness sends CancelReservationRequest for reservationId 1, station rejects it', async () => {
      const answer = await ctx.csms.call('CancelReservation', { reservationId: 1 });
      ctx.check.equal('CancelReservationResponse.status', answer.status, 'Rejected');
    });
  },
});
