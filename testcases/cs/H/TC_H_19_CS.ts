/** TC_H_19_CS: an EVSE reserved for an idToken and its group is used by another idToken of that group. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsOf, connectorsReported, energyTransferStarted, reservationEnabled, reserveNowAnswered, groupTokenAsked, tokenInGroup, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_19_CS',
  name: 'Reserve a specific EVSE - Use a reserved EVSE with GroupId',
  sut: 'CS',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.15', 'H03.FR.04', 'H03.FR.08'],
  detects: ['reservation.groupIgnored', 'reservation.notReported'],
  configuration: [reservationEnabled(true)],
  notes:
    'The reservation names <Configured valid_idtoken> and <Configured groupIdToken>. Authorized then uses <Configured ' +
    'valid_idtoken2>, which the harness (as CSMS) answers Accepted with that groupIdToken, so the station learns the group from ' +
    'the AuthorizeResponse (H03.FR.08) or its local data; Authorized follows configured.startTransactionVia.',
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(
        ctx,
        async (session) => {
          const asked = tokenInGroup(session, idTokens.valid2, idTokens.group);
          const { at } = await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest for <Configured evseId>, <Configured valid_idtoken> and <Configured groupIdToken>, station accepts', { evseId, idToken: idTokens.valid, groupIdToken: idTokens.group }, 'Accepted');
          await connectorsReported(ctx, '3-4. station reports the connectors of the EVSE Reserved', connectorsOf(ctx, { evseId }), 'Reserved', at);
          await ctx.step('5. <Configured valid_idtoken2> of the reserved group authorizes (Authorized)', () => authorized(session, undefined, { groupIdToken: idTokens.group, cached: true }));
          await groupTokenAsked(session, asked, idTokens.valid2);
          await ctx.step('6. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
        },
        { idToken: idTokens.valid2 },
      ),
    );
  },
});
