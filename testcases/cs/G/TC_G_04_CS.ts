/** TC_G_04_CS: an EVSE the CSMS set Inoperative becomes Operative again on request, and its connectors Available. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredEvse, connectorsOf, connectorsReported, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_04_CS',
  name: 'Change Availability EVSE - Inoperative to operative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.07'],
  detects: ['availability.operativeIgnored', 'availability.statusNotReported'],
  notes:
    'The memory state Unavailable for <Configured evseId> is reached with Reusable State Unavailable. Step 3 is complete when ' +
    'every connector of the EVSE has been reported Available (StatusNotification, or NotifyEvent on Connector.AvailabilityState); ' +
    'a NotifyEvent about the EVSE component itself is optional and not waited for.',
  async run(ctx) {
    const target = configuredEvse(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: memory state Unavailable for <Configured evseId>', () => unavailable(ctx, target));
      const since = Date.now();
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) for <Configured evseId>, station accepts', target, 'Operative', 'Accepted');
      await connectorsReported(ctx, '3-4. station reports every connector of the EVSE Available', connectorsOf(ctx, target), 'Available', since);
    });
  },
});
