/** TC_H_07_CSMS: a reservation nobody used expires at the station; the CSMS takes the station's reports of it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsReportedTo, csmsReserves, reservationStatusSent, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_H_07_CSMS',
  name: 'Reserve a specific EVSE - Reservation Ended / not used',
  sut: 'CSMS',
  useCases: ['H01', 'H04'],
  requirements: [],
  detects: ['reservation.evseDropped', 'reservationStatus.refused'],
  notes:
    'The CSMS is asked to reserve until now plus <Configured Transaction Duration>. The harness waits until that expiryDateTime ' +
    '(a wait Part 6 prescribes), reports the connectors Available, then sends ReservationStatusUpdate Expired with the id of step 1.',
  async run(ctx) {
    const { config } = ctx;
    const evseId = config.configured.evseId;
    const expiry = new Date(Date.now() + config.configured.transactionDuration * 1000);
    const request = await csmsReserves(ctx, '1-2. the CSMS, asked to reserve <Configured evseId> until now + <Configured Transaction Duration>, sends ReserveNowRequest; harness accepts', { evseId, expiryDateTime: expiry.toISOString() });
    const connectors = targetConnectors(ctx, { evseId });
    await connectorsReportedTo(ctx, '3-4. harness reports the connectors of the EVSE Reserved; the CSMS answers', connectors, 'Reserved');
    const until = Date.parse(request.expiryDateTime);
    await ctx.step(`harness waits until the expiryDateTime of step 1 (${request.expiryDateTime})`, () => ctx.station.serveFor(Math.max(0, until - Date.now())));
    await connectorsReportedTo(ctx, '5-6. harness reports the connectors of the EVSE Available; the CSMS answers', connectors, 'Available');
    await reservationStatusSent(ctx, '7-8. harness sends ReservationStatusUpdateRequest (Expired) for the reservation; the CSMS answers', request.id, 'Expired');
  },
});
