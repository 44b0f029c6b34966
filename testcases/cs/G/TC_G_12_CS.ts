/** TC_G_12_CS: asked for the availability the station is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_12_CS',
  name: 'Change Availability Charging Station - Operative to operative',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'],
  detects: ['availability.sameStateRejected'],
  notes:
    'The station is Operative when the case starts, so G04.FR.04 asks for Accepted. Nothing changes, and G04.FR.05 asks for ' +
    'reports of changed connectors only, so the post scenario validation (a report of every connector) is read as the reports ' +
    'the station made when it booted; a station that reports again is not failed for it.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () => availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) without evse, station accepts', {}, 'Operative', 'Accepted'));
  },
});
