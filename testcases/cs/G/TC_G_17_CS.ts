/** TC_G_17_CS: a connector set Inoperative during its transaction answers Scheduled and turns Unavailable once the transaction is over. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredConnector, connectorsOf, energyTransferStarted, sessionEndsThenUnavailable, withAvailabilityRestored, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_17_CS',
  name: 'Change Availability Connector - With ongoing transaction',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.05'],
  detects: ['availability.notScheduled'],
  notes:
    'Before: EnergyTransferStarted on the configured connector. After each ending state the connector must be reported ' +
    'Unavailable only if that state ended the transaction; inside EVDisconnected it is not expected to be reported Available ' +
    '(G01.FR.05 asks for Unavailable when the EV leaves a connector waiting to become Unavailable).',
  async run(ctx) {
    const target = configuredConnector(ctx);
    await withAvailabilityRestored(ctx, () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
        await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for the configured connector, station schedules it', target, 'Inoperative', 'Scheduled');
        await sessionEndsThenUnavailable(session, connectorsOf(ctx, target), 3);
      }),
    );
  },
});
