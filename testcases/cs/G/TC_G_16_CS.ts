/** TC_G_16_CS: asked for the availability a connector is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredConnector, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_16_CS',
  name: 'Change Availability Connector - Inoperative to inoperative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  detects: ['availability.sameStateRejected'],
  notes:
    'Part 6 gives the Before state as Unavailable; it is Reusable State Unavailable for the configured connector, as the ' +
    'case is about that connector. Its last step (the connector reported Unavailable) meets the post scenario validation; the ' +
    'second Inoperative changes nothing, so no new report is due.',
  async run(ctx) {
    const target = configuredConnector(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for the configured connector', () => unavailable(ctx, target));
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for the configured connector again, station accepts', target, 'Inoperative', 'Accepted');
    });
  },
});
