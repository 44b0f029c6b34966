/** TC_K_06_CSMS: the CSMS clears the TxDefaultProfile of a stack level on an EVSE by criteria; the station accepts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { clearedByCriteria } from '../states';

export default defineTestCase({
  id: 'TC_K_06_CSMS',
  name: 'Clear Charging Profile - With stackLevel/purpose combination for one profile',
  sut: 'CSMS',
  useCases: ['K10'],
  requirements: ['K10.FR.02'],
  detects: ['smartCharging.clearNotSent', 'smartCharging.clearEvseDropped', 'smartCharging.clearMixed'],
  notes: 'Follows errata 2025-04 (6.3.13): chargingProfileId must be omitted.',
  async run(ctx) {
    await clearedByCriteria(ctx, 'Accepted');
  },
});
