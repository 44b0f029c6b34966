/** TC_G_06_CS: a station the CSMS set Inoperative becomes Operative again on request, and all its connectors Available. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, connectorsOf, connectorsReported, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_06_CS',
  name: 'Change Availability Charging Station - Inoperative to operative',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.08'],
  detects: ['availability.operativeIgnored', 'availability.statusNotReported'],
  notes:
    'Before: Reusable State Unavailable for the whole station. Step 3 is complete when every configured connector has been ' +
    'reported Available; NotifyEvents about the ChargingStation or EVSE components are optional and not waited for.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for the whole station', () => unavailable(ctx, {}));
      const since = Date.now();
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) without evse, station accepts', {}, 'Operative', 'Accepted');
      await connectorsReported(ctx, '3-4. station reports all its connectors Available', connectorsOf(ctx, {}), 'Available', since);
    });
  },
});
