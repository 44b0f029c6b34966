/** TC_K_32_CSMS: the CSMS asks for one charging profile by its id and takes the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { profilesReadBack } from '../states';

export default defineTestCase({
  id: 'TC_K_32_CSMS',
  name: 'Get Charging Profile - chargingProfileId',
  sut: 'CSMS',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  detects: ['smartCharging.getPurposeAdded', 'smartCharging.getStackLevelAdded'],
  notes: 'Follows errata 2025-04 (6.3.13): only chargingProfileId. <received chargingProfileId> is read as <Configured chargingProfileId>, the id the CSMS is asked about.',
  async run(ctx) {
    const { configured } = ctx.config;
    await profilesReadBack(ctx, { chargingProfileId: configured.chargingProfile.id });
  },
});
