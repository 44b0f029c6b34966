/** TC_K_34_CSMS: the CSMS asks for the profiles of a charging limit source on one EVSE and takes the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { profilesReadBack } from '../states';

export default defineTestCase({
  id: 'TC_K_34_CSMS',
  name: 'Get Charging Profile - EvseId > 0 + chargingLimitSource',
  sut: 'CSMS',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  detects: ['smartCharging.getPurposeAdded', 'smartCharging.getStackLevelAdded', 'smartCharging.getEvseDropped'],
  notes: 'Follows errata 2025-04 (6.3.13): the criteria hold <Configured chargingLimitSource> (as the one entry of chargingLimitSource) and nothing else.',
  async run(ctx) {
    const { configured } = ctx.config;
    await profilesReadBack(ctx, { evseId: configured.evseId, chargingLimitSource: configured.csmsChargingProfile.chargingLimitSource });
  },
});
