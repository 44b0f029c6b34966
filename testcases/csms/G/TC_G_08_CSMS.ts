/** TC_G_08_CSMS: the CSMS sets an Inoperative connector Operative again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsReportedTo } from '../states';

export default defineTestCase({
  id: 'TC_G_08_CSMS',
  name: 'Change Availability Connector - Inoperative to operative',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped', 'availability.statusSwapped'],
  notes: 'The memory state is reached by the CSMS setting the connector Inoperative first (the harness accepts and reports it Unavailable).',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await ctx.step('Before: memory state Unavailable for <Configured connectorId>', async () => {
      await availabilityChangedBy(ctx, { evseId, connectorId }, 'Inoperative');
      await connectorsReportedTo(ctx, '3-4. harness reports the connector Unavailable', [{ id: evseId, connectorId }], 'Unavailable');
    });
    await availabilityChangedBy(ctx, { evseId, connectorId }, 'Operative');
    await connectorsReportedTo(ctx, '3-4. harness reports the connector Available; the CSMS answers', [{ id: evseId, connectorId }], 'Available');
  },
});
