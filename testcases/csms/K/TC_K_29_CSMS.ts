/** TC_K_29_CSMS: while a transaction charges, the CSMS asks for the profiles of the configured purpose on the station itself (evseId 0) and takes the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, leaveIdle, newTransaction, profilesReadBack } from '../states';

export default defineTestCase({
  id: 'TC_K_29_CSMS',
  name: 'Get Charging Profile - EvseId 0',
  sut: 'CSMS',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  detects: ['smartCharging.getEvseDropped', 'smartCharging.getStackLevelAdded', 'smartCharging.reportRefused'],
  notes: 'Charging state EnergyTransferStarted. Follows errata 2025-04 (6.3.13): the criteria hold <Configured chargingProfilePurpose> and nothing else.',
  async run(ctx) {
    const { configured } = ctx.config;
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await profilesReadBack(ctx, { evseId: 0, purpose: configured.csmsChargingProfile.purpose });
    await leaveIdle(ctx, tx);
  },
});
