/** TC_H_10_CS: with every EVSE charging, a reservation without an EVSE is refused as Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { nonEvseSpecificRequired, reservationEnabled, reserveNowAnswered, withChargingOn, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_10_CS',
  name: 'Reserve an unspecified EVSE - Occupied - EVSE Occupied',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.13'],
  detects: ['reservation.occupiedAccepted'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes: 'Before: EnergyTransferStarted on every configured EVSE (valid_idtoken and valid_idtoken2 in turn). The expiryDateTime is <Configured expiryDateTime>.',
  async run(ctx) {
    await withReservationsCancelled(ctx, () =>
      withChargingOn(
        ctx,
        ctx.config.station.evses.map((e) => e.id),
        async () => {
          await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken>, station answers Occupied', { idToken: ctx.config.configured.idTokens.valid }, 'Occupied');
        },
      ),
    );
  },
});
