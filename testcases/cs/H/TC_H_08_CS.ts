/** TC_H_08_CS: a reservation without an EVSE is accepted, and the reserved idToken then charges. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsReported, energyTransferStarted, nonEvseSpecificRequired, reservationEnabled, reserveNowAnswered, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_08_CS',
  name: 'Reserve an unspecified EVSE - Accepted',
  sut: 'CS',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.04', 'H01.FR.07', 'H01.FR.15', 'H03.FR.03'],
  detects: ['reservation.nonSpecificRejected'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes:
    'Errata 2025-09 6.2.60: step 3 (the connector reported Reserved) is optional, and Authorized uses <Configured valid_idtoken>. ' +
    'The harness requires the Reserved report only on a station with one EVSE, where H01.FR.20 makes it due; with more EVSEs one ' +
    'reservation holds no EVSE back yet. Authorized follows configured.startTransactionVia.',
  async run(ctx) {
    const { config } = ctx;
    const { evseId, connectorId, idTokens } = config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(ctx, async (session) => {
        const { at } = await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken>, station accepts', { idToken: idTokens.valid }, 'Accepted');
        if (config.station.evses.length === 1) await connectorsReported(ctx, '3-4. station reports the connector Reserved (its only EVSE is held)', [{ evseId, connectorId }], 'Reserved', at);
        else await ctx.step('3-4. optional (errata 2025-09 6.2.60): with several EVSEs none is held back yet', () => undefined);
        await ctx.step('5. <Configured valid_idtoken> authorizes (Authorized)', () => authorized(session));
        await ctx.step('6. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      }),
    );
  },
});
