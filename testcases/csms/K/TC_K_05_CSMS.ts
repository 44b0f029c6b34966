/** TC_K_05_CSMS: after reading the station's profiles, the CSMS clears one of them by its chargingProfileId alone. */
import { defineTestCase } from '../../../src/engine/testcase';
import { installedProfile, profilesAsked, profilesCleared, profilesReported } from '../states';

export default defineTestCase({
  id: 'TC_K_05_CSMS',
  name: 'Clear Charging Profile - With chargingProfileId',
  sut: 'CSMS',
  useCases: ['K10'],
  requirements: ['K10.FR.02'],
  detects: ['smartCharging.clearNotSent', 'smartCharging.clearMixed', 'smartCharging.reportRefused'],
  notes:
    'Memory state: the CSMS is asked for the ChargingStationMaxProfiles of the station (evseId 0); the harness reports one with ' +
    'an id it generates (not a TxDefaultProfile, as the purpose of the case says). The CSMS is then asked to clear that profile by id.',
  async run(ctx) {
    const generatedId = 7000 + Math.floor(Math.random() * 1000);
    await ctx.step('Memory state: the CSMS reads the station\'s profiles', async () => {
      const request = await profilesAsked(ctx, 0, { purpose: 'ChargingStationMaxProfile' });
      await profilesReported(ctx, '3-4. harness reports a ChargingStationMaxProfile with a generated id; the CSMS answers', request.requestId, [{ evseId: 0, chargingLimitSource: 'CSO', profiles: [installedProfile(ctx, { id: generatedId, purpose: 'ChargingStationMaxProfile' })] }]);
    });
    const request = await profilesCleared(ctx, { chargingProfileId: generatedId }, 'Accepted');
    await ctx.step('Step 1: ClearChargingProfileRequest names the profile by id only', () => {
      ctx.check.equal('ClearChargingProfileRequest.chargingProfileId', request.chargingProfileId, generatedId);
      ctx.check.equal('ClearChargingProfileRequest.chargingProfileCriteria', request.chargingProfileCriteria, undefined);
    });
  },
});
