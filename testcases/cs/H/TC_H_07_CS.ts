/** TC_H_07_CS: a reservation nobody uses expires: the EVSE is Available again, the CSMS is told, and another idToken can charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsOf, connectorsReported, energyTransferStarted, reservationEnabled, reservationStatusUpdated, reserved, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_07_CS',
  name: 'Reserve a specific EVSE - Reservation Ended / not used',
  sut: 'CS',
  useCases: ['H01', 'H04'],
  requirements: ['H04.FR.01', 'H04.FR.02', 'H04.FR.03'],
  detects: ['reservation.neverExpires', 'reservation.notReported'],
  configuration: [reservationEnabled(true)],
  notes:
    'The reservation is made with expiryDateTime <Configured expiryDateTime> (configured.reservationDuration seconds ahead; Part 6 ' +
    'uses 60 s). Steps 1 and 3 wait up to that duration plus the message timeout. Authorized then uses <Configured valid_idtoken2>.',
  async run(ctx) {
    const { config } = ctx;
    const waitMs = config.configured.reservationDuration * 1000 + config.timeouts.messageMs;
    await withReservationsCancelled(ctx, () =>
      withSession(
        ctx,
        async (session) => {
          const id = await ctx.step('Before: <Configured evseId> is Reserved', () => reserved(ctx));
          const since = Date.now();
          await ctx.step(`1-2. after <Configured expiryDateTime> (${config.configured.reservationDuration} s) the station reports the connectors Available`, () =>
            connectorsReported(ctx, 'connectors of the EVSE reported Available', connectorsOf(ctx, { evseId: config.configured.evseId }), 'Available', since, waitMs),
          );
          await reservationStatusUpdated(ctx, '3-4. station sends ReservationStatusUpdateRequest (Expired)', id, 'Expired', waitMs);
          await ctx.step('5. <Configured valid_idtoken2> authorizes (Authorized)', () => authorized(session));
          await ctx.step('6. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
        },
        { idToken: config.configured.idTokens.valid2 },
      ),
    );
  },
});
