/** TC_G_14_CS: the station set Inoperative during a transaction answers Scheduled: idle EVSEs turn Unavailable at once, the busy one after its transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, connectorsOf, connectorsReported, energyTransferStarted, sessionEndsThenUnavailable, withAvailabilityRestored, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_14_CS',
  name: 'Change Availability Charging Station - With ongoing transaction',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.06'],
  detects: ['availability.notScheduled', 'availability.statusNotReported'],
  notes:
    'Before: EnergyTransferStarted on <Configured evseId>. Step 3 waits for the connectors of every other EVSE to be reported ' +
    'Unavailable (skipped on a station with one EVSE). After each ending state, the connectors of the configured EVSE must be ' +
    'reported Unavailable only if that state ended the transaction; inside EVDisconnected the connector is not expected to be ' +
    'reported Available (G01.FR.05 asks for Unavailable when the EV leaves a connector waiting to become Unavailable).',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const others = connectorsOf(ctx, {}).filter((c) => c.evseId !== evseId);
    await withAvailabilityRestored(ctx, () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
        const since = Date.now();
        await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) without evse, station schedules it', {}, 'Inoperative', 'Scheduled');
        if (others.length > 0) await connectorsReported(ctx, '3-4. station reports the connectors of the EVSEs without a transaction Unavailable', others, 'Unavailable', since);
        else await ctx.step('3-4. not executed: the station has no EVSE without a transaction', () => undefined);
        await sessionEndsThenUnavailable(session, connectorsOf(ctx, { evseId }), 5);
      }),
    );
  },
});
