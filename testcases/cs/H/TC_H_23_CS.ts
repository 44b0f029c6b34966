/** TC_H_23_CS: a ReserveNowRequest with the id of a reservation replaces it: the new idToken may charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, reservationEnabled, reserved, reserveNowAnswered, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_23_CS',
  name: 'Reserve a specific EVSE - Replace reservation',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.02'],
  detects: ['reservation.notReplaced'],
  configuration: [reservationEnabled(true)],
  notes:
    'Before: Reusable State Reserved for <Configured evseId> and <Configured valid_idtoken>; its id is the <Configured ' +
    'reservationId> the second request repeats, with <Configured valid_idtoken2>. The connector stays Reserved through the ' +
    'replacement, so the report Part 6 lists under step 3 is the one of the Before state; no second report is required. ' +
    'Authorized then uses valid_idtoken2, which only the replacement lets charge.',
  async run(ctx) {
    const { evseId, idTokens } = ctx.config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(
        ctx,
        async (session) => {
          const id = await ctx.step('Before: a reservation on <Configured evseId> for <Configured valid_idtoken>', () => reserved(ctx));
          await reserveNowAnswered(ctx, '1-2. harness sends ReserveNowRequest with the same id for <Configured valid_idtoken2>, station accepts', { id, evseId, idToken: idTokens.valid2 }, 'Accepted');
          await ctx.step('3. <Configured valid_idtoken2> authorizes (Authorized)', () => authorized(session));
          await ctx.step('4. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
        },
        { idToken: idTokens.valid2 },
      ),
    );
  },
});
