/** TC_H_24_CS: a reservation without an EVSE for an idToken and its group is used by another idToken of that group. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsReported, energyTransferStarted, nonEvseSpecificRequired, reservationEnabled, reserveNowAnswered, groupTokenAsked, tokenInGroup, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_24_CS',
  name: 'Reserve an unspecified EVSE - GroupIdToken',
  sut: 'CS',
  useCases: ['H03'],
  requirements: ['H03.FR.06'],
  detects: ['reservation.nonSpecificRejected'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes:
    'The reservation names <Configured valid_idtoken> and <Configured group_idtoken>, no EVSE. As in TC_H_08_CS (errata 2025-09 ' +
    '6.2.60), the Reserved report of step 3 is required only on a station with one EVSE (H01.FR.20); with more, one reservation ' +
    'holds none back. Authorized uses <Configured valid_idtoken2>, answered Accepted with the group, and must be able to charge: ' +
    'with every EVSE held back it is the group that lets it.',
  async run(ctx) {
    const { config } = ctx;
    const { evseId, connectorId, idTokens } = config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(
        ctx,
        async (session) => {
          const asked = tokenInGroup(session, idTokens.valid2, idTokens.group);
          const { at } = await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest without evseId for <Configured valid_idtoken> and <Configured group_idtoken>, station accepts', { idToken: idTokens.valid, groupIdToken: idTokens.group }, 'Accepted');
          if (config.station.evses.length === 1) await connectorsReported(ctx, '3-4. station reports the connector Reserved (its only EVSE is held)', [{ evseId, connectorId }], 'Reserved', at);
          else await ctx.step('3-4. not required: with several EVSEs one reservation holds none back (H01.FR.20)', () => undefined);
          await ctx.step('5. <Configured valid_idtoken2> of the reserved group authorizes (Authorized)', () => authorized(session, undefined, { groupIdToken: idTokens.group, cached: true }));
          await groupTokenAsked(session, asked, idTokens.valid2);
          await ctx.step('6. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
        },
        { idToken: idTokens.valid2 },
      ),
    );
  },
});
