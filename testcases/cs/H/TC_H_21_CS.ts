/** TC_H_21_CS: a reserved EVSE set Inoperative loses its reservation; once Operative again, another idToken can charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, availabilityRequested, configuredEvse, connectorsOf, connectorsReported, energyTransferStarted, reservationEnabled, reservationStatusUpdated, reserved, withAvailabilityRestored, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_21_CS',
  name: 'Charging Station cancels reservation when Unavailable',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.17'],
  detects: ['reservation.keptWhenUnavailable', 'availability.statusNotReported'],
  configuration: [reservationEnabled(true)],
  notes:
    'Before: <Configured evseId> Reserved for <Configured valid_idtoken>. Steps 3 and 9 end once every connector of the EVSE has ' +
    'been reported (Unavailable, then Available); a report of the EVSE component is optional. Authorized uses <Configured ' +
    'valid_idtoken2>, which the removed reservation no longer keeps out.',
  async run(ctx) {
    const target = configuredEvse(ctx);
    const connectors = connectorsOf(ctx, target);
    await withAvailabilityRestored(ctx, () =>
      withReservationsCancelled(ctx, () =>
        withSession(
          ctx,
          async (session) => {
            const id = await ctx.step('Before: <Configured evseId> is Reserved', () => reserved(ctx));
            let since = Date.now();
            await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for <Configured evseId>, station accepts', target, 'Inoperative', 'Accepted');
            await connectorsReported(ctx, '3-4. station reports the connectors of the EVSE Unavailable', connectors, 'Unavailable', since);
            await reservationStatusUpdated(ctx, '5-6. station sends ReservationStatusUpdateRequest (Removed)', id, 'Removed');
            since = Date.now();
            await availabilityRequested(ctx, '7-8. harness sends ChangeAvailabilityRequest (Operative) for <Configured evseId>, station accepts', target, 'Operative', 'Accepted');
            await connectorsReported(ctx, '9-10. station reports the connectors of the EVSE Available', connectors, 'Available', since);
            await ctx.step('11. <Configured valid_idtoken2> authorizes (Authorized)', () => authorized(session));
            await ctx.step('12. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
          },
          { idToken: ctx.config.configured.idTokens.valid2 },
        ),
      ),
    );
  },
});
