/** TC_K_31_CSMS: the CSMS asks for the profiles of the configured purpose on every EVSE and takes one report per EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { profilesReadBack } from '../states';

export default defineTestCase({
  id: 'TC_K_31_CSMS',
  name: 'Get Charging Profile - No EvseId',
  sut: 'CSMS',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  detects: ['smartCharging.getStackLevelAdded', 'smartCharging.reportRefused'],
  notes: 'Follows errata 2025-04 (6.3.13): no evseId, and the criteria hold <Configured chargingProfilePurpose> and nothing else. The harness sends one ReportChargingProfilesRequest per configured EVSE, tbc true on all but the last (K09.FR.02).',
  async run(ctx) {
    const { configured } = ctx.config;
    await profilesReadBack(ctx, { purpose: configured.csmsChargingProfile.purpose });
  },
});
