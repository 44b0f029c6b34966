/** TC_H_15_CS: a reservation for a connector type is accepted, shows on the connector of that type, and the reserved idToken charges there. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsReported, connectorTypeRequired, energyTransferStarted, reservationEnabled, reserveNowAnswered, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_15_CS',
  name: 'Reserve a connector with a specific type - Success',
  sut: 'CS',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.06', 'H01.FR.09', 'H01.FR.15', 'H03.FR.02'],
  detects: ['reservation.notReported', 'reservation.idNotReported'],
  applicable: connectorTypeRequired,
  configuration: [reservationEnabled(true)],
  notes:
    'Errata 2025-06 6.2.61: the type must be a ConnectorEnumType value; <Configured connectorType> is that of <Configured ' +
    'connectorId>, and the case assumes it is the only free connector of that type (Part 6 step 3 then expects it Reserved). ' +
    'Authorized follows configured.startTransactionVia with <Configured valid_idtoken>; H01.FR.15: its event names the reservation.',
  async run(ctx) {
    const { evseId, connectorId, connectorType, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(ctx, async (session) => {
        const { id, at } = await reserveNowAnswered(ctx, `1-2. harness sends ReserveNowRequest for connector type ${connectorType} and <Configured valid_idtoken>, station accepts`, { connectorType, idToken: idTokens.valid }, 'Accepted');
        await connectorsReported(ctx, '3-4. station reports the connector of that type Reserved', [{ evseId, connectorId }], 'Reserved', at);
        await ctx.step('5. <Configured valid_idtoken> authorizes (Authorized)', () => authorized(session));
        const event = session.authorizationEvent ?? (await session.monitor.nextEvent('the TransactionEventRequest that starts the transaction'));
        await ctx.step('H01.FR.15: the event of the authorization names the reservation', () => ctx.check.equal('TransactionEventRequest.reservationId', event.reservationId, id));
        await ctx.step('6. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      }),
    );
  },
});
