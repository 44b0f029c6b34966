/** TC_G_06_CSMS: the CSMS sets an Inoperative station Operative again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsReportedTo, targetConnectors, unavailableByCsms } from '../states';

export default defineTestCase({
  id: 'TC_G_06_CSMS',
  name: 'Change Availability Charging Station - Inoperative to operative',
  sut: 'CSMS',
  useCases: ['G04'],
  requirements: [],
  detects: ['availability.connectorAdded', 'availability.statusSwapped'],
  notes: 'Before: the station set Unavailable (Reusable State Unavailable for the whole station). The manual action of Part 6 asks for Inoperative; the step and its validation ask for Operative, which is what the case checks.',
  async run(ctx) {
    await ctx.step('Before: the station set Unavailable by the CSMS', () => unavailableByCsms(ctx, {}));
    await availabilityChangedBy(ctx, {}, 'Operative');
    await connectorsReportedTo(ctx, '3-4. harness reports all its connectors Available; the CSMS answers', targetConnectors(ctx, {}), 'Available');
  },
});
