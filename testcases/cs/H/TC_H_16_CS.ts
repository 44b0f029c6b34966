/** TC_H_16_CS: with every EVSE reserved, a reservation for a connector type is refused as Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorTypeRequired, reservationEnabled, reserved, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_16_CS',
  name: 'Reserve a connector with a specific type - Amount of available connectors of a type equals the amount of reservations',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  detects: ['reservation.occupiedAccepted'],
  applicable: connectorTypeRequired,
  configuration: [reservationEnabled(true)],
  notes: 'Before: every configured EVSE Reserved (Reusable State Reserved, each for <Configured valid_idtoken2>). Errata 2025-06 6.2.61: the type is <Configured connectorType>, a ConnectorEnumType value.',
  async run(ctx) {
    const { connectorType, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, async () => {
      for (const evse of ctx.config.station.evses) await ctx.step(`Before: EVSE ${evse.id} is Reserved`, () => reserved(ctx, { evseId: evse.id, idToken: idTokens.valid2 }));
      await reserveNowAnswered(ctx, `1-2. harness sends ReserveNowRequest for connector type ${connectorType} and <Configured valid_idtoken>, station answers Occupied`, { connectorType, idToken: idTokens.valid }, 'Occupied');
    });
  },
});
