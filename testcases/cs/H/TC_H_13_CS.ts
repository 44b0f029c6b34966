/** TC_H_13_CS: a station that only reserves specific EVSEs refuses a reservation without an EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { reservationEnabled, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_13_CS',
  name: 'Reserve an unspecified EVSE - Rejected',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.19'],
  detects: ['reservation.nonSpecificAccepted'],
  applicable: (config) => (config.configured.reservationNonEvseSpecific ? 'the station takes reservations without an EVSE (configured.reservationNonEvseSpecific is true; the case is for NOT R-2, errata 2024-11 5.16)' : undefined),
  configuration: [reservationEnabled(true)],
  notes: 'Errata 2024-11 5.16: the case applies to stations without ReservationCtrlr.NonEvseSpecific (or with it false); against the reference it runs on the variant that has it false.',
  async run(ctx) {
    await withReservationsCancelled(ctx, async () => {
      await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken>, station rejects it', { idToken: ctx.config.configured.idTokens.valid }, 'Rejected');
    });
  },
});
