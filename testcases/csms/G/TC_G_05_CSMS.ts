/** TC_G_05_CSMS: the CSMS sets the whole station Inoperative. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsBackToAvailable, connectorsReportedTo, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_G_05_CSMS',
  name: 'Change Availability Charging Station - Operative to inoperative',
  sut: 'CSMS',
  useCases: ['G04'],
  requirements: [],
  detects: ['availability.connectorAdded', 'availability.statusSwapped'],
  notes: 'The ChangeAvailabilityRequest must name no EVSE (evse.id 0 is taken as the whole station too). The harness reports the connectors Available again afterwards.',
  async run(ctx) {
    await availabilityChangedBy(ctx, {}, 'Inoperative');
    await connectorsReportedTo(ctx, '3-4. harness reports all its connectors Unavailable; the CSMS answers', targetConnectors(ctx, {}), 'Unavailable');
    await connectorsBackToAvailable(ctx);
  },
});
