/** TC_G_07_CS: the CSMS sets one connector Inoperative; that connector turns Unavailable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredConnector, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_07_CS',
  name: 'Change Availability Connector - Operative to inoperative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.06'],
  detects: ['availability.statusNotReported'],
  notes:
    'The case is Reusable State Unavailable for <Configured evseId> / <Configured connectorId>; its last step (the connector ' +
    'reported Unavailable) is the post scenario validation. The connector is set Operative again afterwards.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () => unavailable(ctx, configuredConnector(ctx)));
  },
});
