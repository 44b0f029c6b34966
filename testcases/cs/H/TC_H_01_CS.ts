/** TC_H_01_CS: an EVSE reserved for an idToken is used by that idToken: the reservation ends and charging starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectorsReported, energyTransferStarted, reservationEnabled, reserved, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_01_CS',
  name: 'Reserve a specific EVSE - Accepted - Valid idToken',
  sut: 'CS',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.15', 'H03.FR.01', 'H03.FR.09', 'H03.FR.10'],
  detects: ['reservation.notReported', 'reservation.idNotReported'],
  configuration: [reservationEnabled(true)],
  notes:
    'Part 6 spells the setting ReservationCtrlr.ReservationEnabled; the device model variable is ReservationCtrlr.Enabled. Authorized ' +
    'follows configured.startTransactionVia with <Configured valid_idtoken>. The validation of step 2 waits for the configured ' +
    'connector to be reported Available after the authorization. H01.FR.15 (listed for the case): the TransactionEventRequest that ' +
    'reports the authorization must carry the reservationId.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await withReservationsCancelled(ctx, () =>
      withSession(ctx, async (session) => {
        const id = await ctx.step('1. Reusable State Reserved for <Configured evseId>', () => reserved(ctx));
        const since = Date.now();
        await ctx.step('2. the reserved idToken authorizes (Authorized)', () => authorized(session));
        await connectorsReported(ctx, 'Step 2: the connector goes from Reserved to Available', [{ evseId, connectorId }], 'Available', since);
        const event = session.authorizationEvent ?? (await session.monitor.nextEvent('the TransactionEventRequest that starts the transaction'));
        await ctx.step('H01.FR.15: the event of the authorization names the reservation', () => ctx.check.equal('TransactionEventRequest.reservationId', event.reservationId, id));
        await ctx.step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      }),
    );
  },
});
