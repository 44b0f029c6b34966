/** TC_G_03_CSMS: the CSMS sets one EVSE Inoperative. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, unavailableByCsms } from '../states';

export default defineTestCase({
  id: 'TC_G_03_CSMS',
  name: 'Change Availability EVSE - Operative to inoperative',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped', 'availability.connectorAdded', 'availability.statusSwapped'],
  notes: 'The case is Reusable State Unavailable for <Configured evseId>: the ChangeAvailabilityRequest must name the EVSE and no connector. The harness reports the connectors Available again afterwards.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await unavailableByCsms(ctx, { evseId });
    await connectorsBackToAvailable(ctx);
  },
});
