/** TC_G_13_CS: asked for the availability the station is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_13_CS',
  name: 'Change Availability Charging Station - Inoperative to inoperative',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'],
  detects: ['availability.sameStateRejected'],
  notes:
    'Step 3 (every connector reported Unavailable) and the post scenario validation are read as the reports of the Before ' +
    'state, whose last step ends only once every connector was reported Unavailable: the second Inoperative changes no ' +
    'connector, and G04.FR.05 asks for reports of changed connectors only.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for the whole station', () => unavailable(ctx, {}));
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) without evse again, station accepts', {}, 'Inoperative', 'Accepted');
    });
  },
});
