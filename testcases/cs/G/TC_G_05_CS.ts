/** TC_G_05_CS: the CSMS sets the whole station Inoperative; every connector turns Unavailable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_05_CS',
  name: 'Change Availability Charging Station - Operative to inoperative',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.07'],
  detects: ['availability.statusNotReported'],
  notes:
    'The case is Reusable State Unavailable for the whole station (ChangeAvailabilityRequest without evse). Its last step ends ' +
    'only once every configured connector has been reported Unavailable, the post scenario validation. The station is set ' +
    'Operative again afterwards.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () => unavailable(ctx, {}));
  },
});
