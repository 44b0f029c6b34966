/** TC_K_33_CSMS: the CSMS asks for the profiles of a stack level on one EVSE and takes the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { profilesReadBack } from '../states';

export default defineTestCase({
  id: 'TC_K_33_CSMS',
  name: 'Get Charging Profile - EvseId > 0 + stackLevel',
  sut: 'CSMS',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  detects: ['smartCharging.getPurposeAdded', 'smartCharging.getEvseDropped'],
  notes: 'Follows errata 2025-04 (6.3.13): the criteria hold <Configured stackLevel> and nothing else.',
  async run(ctx) {
    const { configured } = ctx.config;
    await profilesReadBack(ctx, { evseId: configured.evseId, stackLevel: configured.csmsChargingProfile.stackLevel });
  },
});
