/** TC_G_04_CSMS: the CSMS sets an Inoperative EVSE Operative again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsReportedTo, targetConnectors, unavailableByCsms } from '../states';

export default defineTestCase({
  id: 'TC_G_04_CSMS',
  name: 'Change Availability EVSE - Inoperative to operative',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped', 'availability.connectorAdded', 'availability.statusSwapped'],
  notes: 'The memory state is reached with Reusable State Unavailable for the EVSE (the CSMS sets it Inoperative first). The harness reports with StatusNotificationRequests.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await ctx.step('Before: memory state Unavailable for <Configured evseId>', () => unavailableByCsms(ctx, { evseId }));
    await availabilityChangedBy(ctx, { evseId }, 'Operative');
    await connectorsReportedTo(ctx, '3-4. harness reports the connectors of the EVSE Available; the CSMS answers', targetConnectors(ctx, { evseId }), 'Available');
  },
});
