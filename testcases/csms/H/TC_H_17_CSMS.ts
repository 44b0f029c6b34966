/** TC_H_17_CSMS: the CSMS reserves an EVSE and then, asked by its operator, cancels that reservation. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsReportedTo, csmsSendsAfter, reservedByCsms, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_H_17_CSMS',
  name: 'Cancel reservation of an EVSE - Success',
  sut: 'CSMS',
  useCases: ['H02'],
  requirements: [],
  detects: ['cancelReservation.wrongId', 'reservation.evseDropped'],
  async run(ctx) {
    const { config, check } = ctx;
    const evseId = config.configured.evseId;
    const request = await ctx.step('1-4. Reusable State Reserved for <Configured evseId>', () => reservedByCsms(ctx));
    await ctx.step('5-6. the CSMS, asked to cancel the reservation, sends CancelReservationRequest; harness accepts', async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'cancelReservation', stationId: config.station.id }, 'CancelReservation', (c) => c.respond({ status: 'Accepted' }));
      check.equal('CancelReservationRequest.reservationId', call.payload.reservationId, request.id);
    });
    await connectorsReportedTo(ctx, '7-8. harness reports the connectors of the EVSE Available; the CSMS answers', targetConnectors(ctx, { evseId }), 'Available');
  },
});
