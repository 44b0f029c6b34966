/** TC_K_08_CSMS: the CSMS clears profiles by criteria while the station has none: it answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { clearedByCriteria } from '../states';

export default defineTestCase({
  id: 'TC_K_08_CSMS',
  name: 'Clear Charging Profile - Without previous charging profile',
  sut: 'CSMS',
  useCases: ['K10'],
  requirements: [],
  detects: ['smartCharging.clearNotSent', 'smartCharging.clearEvseDropped', 'smartCharging.clearMixed'],
  notes: 'Follows errata 2025-04 (6.3.13): the fields are those of chargingProfileCriteria, and chargingProfileId must be omitted.',
  async run(ctx) {
    await clearedByCriteria(ctx, 'Unknown');
  },
});
