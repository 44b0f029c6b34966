/** TC_K_03_CSMS: asked by its operator, the CSMS sets an Absolute ChargingStationMaxProfile of 8 A on the whole station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_03_CSMS',
  name: 'Set Charging Profile - ChargingStationMaxProfile',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: ['K01.FR.31', 'K01.FR.38'],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.wrongStackLevel', 'smartCharging.limitUnitMixed'],
  notes: 'Follows errata 2024-09 (6.3.14): chargingProfileKind must be Absolute, and validFrom / validTo are not required.',
  async run(ctx) {
    const { configured } = ctx.config;
    const profile = configuredProfile(ctx, { purpose: 'ChargingStationMaxProfile', kind: 'Absolute', amps: 8 });
    const { call } = await profileSet(ctx, '1-2. the CSMS, asked to set a ChargingStationMaxProfile, sends SetChargingProfileRequest; harness accepts', 0, profile);
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      const { evseId, chargingProfile } = call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, {
        evseId: 0,
        stackLevel: configured.csmsChargingProfile.stackLevel,
        purpose: 'ChargingStationMaxProfile',
        kinds: ['Absolute'],
        chargingRateUnit: configured.chargingProfile.chargingRateUnit,
        duration: configured.chargingProfile.durationSeconds,
        amps: 8,
        startSchedule: true,
      });
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
  },
});
