/** TC_K_10_CSMS: asked by its operator, the CSMS sets an Absolute TxDefaultProfile of 6 A for every EVSE (evseId 0). */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_10_CSMS',
  name: 'Set Charging Profile - TxDefaultProfile - All EVSE',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: ['K01.FR.31'],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.wrongStackLevel', 'smartCharging.limitUnitMixed'],
  notes: 'Follows errata 2024-09 (6.3.15): validFrom and validTo are not required.',
  async run(ctx) {
    const { configured } = ctx.config;
    const profile = configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Absolute', amps: 6 });
    const { call } = await profileSet(ctx, '1-2. the CSMS, asked to set a TxDefaultProfile for all EVSEs, sends SetChargingProfileRequest; harness accepts', 0, profile);
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      const { evseId, chargingProfile } = call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, {
        evseId: 0,
        stackLevel: configured.csmsChargingProfile.stackLevel,
        purpose: 'TxDefaultProfile',
        kinds: ['Absolute'],
        startSchedule: true,
        chargingRateUnit: configured.chargingProfile.chargingRateUnit,
        duration: configured.chargingProfile.durationSeconds,
        amps: 6,
      });
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
  },
});
