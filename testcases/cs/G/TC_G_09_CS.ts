/** TC_G_09_CS: asked for the availability an EVSE is already in, the station accepts and nothing changes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredEvse, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_09_CS',
  name: 'Change Availability EVSE - Operative to operative',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  detects: ['availability.sameStateRejected'],
  notes:
    'The EVSE is Operative when the case starts, so G03.FR.03 asks for Accepted; no connector changes, so no report is due.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, () =>
      availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Operative) for <Configured evseId>, station accepts', configuredEvse(ctx), 'Operative', 'Accepted'),
    );
  },
});
