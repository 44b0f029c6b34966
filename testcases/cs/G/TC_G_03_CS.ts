/** TC_G_03_CS: the CSMS sets one EVSE Inoperative; every connector of that EVSE turns Unavailable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredEvse, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_03_CS',
  name: 'Change Availability EVSE - Operative to inoperative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.06'],
  detects: ['availability.statusNotReported'],
  notes:
    'The case is Reusable State Unavailable for <Configured evseId>. Its last step ends only once every connector of that ' +
    'EVSE has been reported Unavailable, which is the post scenario validation. Afterwards the EVSE is set Operative again.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () => unavailable(ctx, configuredEvse(ctx)));
  },
});
