/** TC_K_01_CSMS: asked by its operator, the CSMS sets an Absolute TxDefaultProfile of 6 A on the configured EVSE, valid from now. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, checkTimeNear, configuredProfile, profileSet, scheduleOf } from '../states';

export default defineTestCase({
  id: 'TC_K_01_CSMS',
  name: 'Set Charging Profile - TxDefaultProfile - Specific EVSE',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: ['K01.FR.31'],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.evseZero', 'smartCharging.wrongStackLevel', 'smartCharging.limitUnitMixed', 'smartCharging.noValidity'],
  notes:
    'The operator request is the driver action setChargingProfile. "now" is the moment the request arrives, give or take ' +
    'timeouts.messageMs; <Configured Charging Schedule Duration> is configured.chargingProfile.durationSeconds, as is <Configured duration>.',
  async run(ctx) {
    const { configured, timeouts } = ctx.config;
    const profile = configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Absolute', amps: 6, validForSeconds: configured.chargingProfile.durationSeconds });
    const { call, at } = await profileSet(ctx, '1-2. the CSMS, asked to set a TxDefaultProfile on the EVSE, sends SetChargingProfileRequest; harness accepts', configured.evseId, profile);
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      const { evseId, chargingProfile } = call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, {
        evseId: configured.evseId,
        stackLevel: configured.csmsChargingProfile.stackLevel,
        purpose: 'TxDefaultProfile',
        kinds: ['Absolute'],
        chargingRateUnit: configured.chargingProfile.chargingRateUnit,
        duration: configured.chargingProfile.durationSeconds,
        amps: 6,
      });
      checkTimeNear(ctx, 'SetChargingProfileRequest.chargingProfile.validFrom', chargingProfile.validFrom, at, timeouts.messageMs);
      checkTimeNear(ctx, 'SetChargingProfileRequest.chargingProfile.validTo', chargingProfile.validTo, at + configured.chargingProfile.durationSeconds * 1000, timeouts.messageMs);
      checkTimeNear(ctx, 'SetChargingProfileRequest.chargingProfile.chargingSchedule.startSchedule', scheduleOf(chargingProfile)?.startSchedule, at, timeouts.messageMs);
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
  },
});
