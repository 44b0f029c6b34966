/** TC_G_15_CS: asked for the availability a connector is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredConnector, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_15_CS',
  name: 'Change Availability Connector - Operative to operative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  detects: ['availability.sameStateRejected'],
  notes:
    'The connector is Operative when the case starts, so G03.FR.03 asks for Accepted. Nothing changes, so the post scenario ' +
    'validation (a report of every connector) is read as the reports the station made when it booted.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () =>
      availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) for the configured connector, station accepts', configuredConnector(ctx), 'Operative', 'Accepted'),
    );
  },
});
