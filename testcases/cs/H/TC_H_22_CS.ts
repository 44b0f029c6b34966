/** TC_H_22_CS: a station whose reservations are switched off refuses a reservation. */
import { defineTestCase } from '../../../src/engine/testcase';
import { reservationEnabled, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_22_CS',
  name: 'Reserve a specific EVSE - Configured to Reject',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.01'],
  detects: ['reservation.enabledIgnored'],
  configuration: [reservationEnabled(false)],
  notes: 'Part 6 spells the setting ReservationCtrlr.ReservationEnabled; the device model variable is ReservationCtrlr.Enabled, set false (If implemented). The reservation is for <Configured evseId> and <Configured valid_idtoken>.',
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, async () => {
      await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest for <Configured evseId>, station rejects it', { evseId, idToken: idTokens.valid }, 'Rejected');
    });
  },
});
