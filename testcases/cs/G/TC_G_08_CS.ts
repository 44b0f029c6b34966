/** TC_G_08_CS: a connector the CSMS set Inoperative becomes Operative again on request and is reported Available. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredConnector, connectorsOf, connectorsReported, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_08_CS',
  name: 'Change Availability Connector - Inoperative to operative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.07'],
  detects: ['availability.operativeIgnored', 'availability.statusNotReported'],
  notes: 'The memory state Unavailable for <Configured connectorId> is reached with Reusable State Unavailable for that connector.',
  async run(ctx) {
    const target = configuredConnector(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: memory state Unavailable for <Configured connectorId>', () => unavailable(ctx, target));
      const since = Date.now();
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) for the configured connector, station accepts', target, 'Operative', 'Accepted');
      await connectorsReported(ctx, '3-4. station reports the connector Available', connectorsOf(ctx, target), 'Available', since);
    });
  },
});
