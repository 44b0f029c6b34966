/** TC_G_10_CS: asked for the availability an EVSE is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredEvse, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_10_CS',
  name: 'Change Availability EVSE - Inoperative to inoperative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  detects: ['availability.sameStateRejected'],
  notes:
    'The post scenario validation (every connector of the EVSE reported) is met by the Before state, whose last step ends only ' +
    'once each connector of the EVSE was reported Unavailable: a second Inoperative changes nothing, so G03.FR.04 asks for no new report.',
  async run(ctx) {
    const target = configuredEvse(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for <Configured evseId>', () => unavailable(ctx, target));
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for <Configured evseId> again, station accepts', target, 'Inoperative', 'Accepted');
    });
  },
});
