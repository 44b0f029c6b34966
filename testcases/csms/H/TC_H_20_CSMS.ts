/** TC_H_20_CSMS: a reserved EVSE becomes Faulted and the station drops the reservation; the CSMS takes the reports. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, connectorsReportedTo, reservationStatusSent, reservedByCsms, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_H_20_CSMS',
  name: 'Charging Station cancels reservation when Faulted',
  sut: 'CSMS',
  useCases: ['H01'],
  requirements: [],
  detects: ['reservationStatus.refused', 'reservation.evseDropped'],
  notes: 'The harness reports the connectors Faulted, then ReservationStatusUpdate Removed with the id of step 1, and reports them Available again afterwards (not part of Part 6).',
  async run(ctx) {
    const evseId = ctx.config.configured.evseId;
    const request = await ctx.step('1-4. Reusable State Reserved for <Configured evseId>', () => reservedByCsms(ctx));
    await connectorsReportedTo(ctx, '5-6. harness reports the connectors of the EVSE Faulted; the CSMS answers', targetConnectors(ctx, { evseId }), 'Faulted');
    await reservationStatusSent(ctx, '7-8. harness sends ReservationStatusUpdateRequest (Removed) for the reservation; the CSMS answers', request.id, 'Removed');
    await connectorsBackToAvailable(ctx);
  },
});
