/** TC_G_07_CSMS: the CSMS sets one connector Inoperative. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsBackToAvailable, connectorsReportedTo } from '../states';

export default defineTestCase({
  id: 'TC_G_07_CSMS',
  name: 'Change Availability Connector - Operative to inoperative',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped', 'availability.statusSwapped'],
  notes: 'The request must name <Configured evseId> and <Configured connectorId>. The harness reports the connector Available again afterwards.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await availabilityChangedBy(ctx, { evseId, connectorId }, 'Inoperative');
    await connectorsReportedTo(ctx, '3-4. harness reports the connector Unavailable; the CSMS answers', [{ id: evseId, connectorId }], 'Unavailable');
    await connectorsBackToAvailable(ctx);
  },
});
