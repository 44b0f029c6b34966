/** TC_K_05_CS: clearing a profile by its id removes it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfileCleared, chargingProfilesReported, profileInstalled, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_05_CS',
  name: 'Clear Charging Profile - With chargingProfileId',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.03'],
  detects: ['smartCharging.clearByIdIgnored'],
  applicable: smartChargingRequired,
  notes: 'The Before profile is a TxDefaultProfile for <Configured evseId> with <Configured chargingProfileId>.',
  async run(ctx) {
    const id = ctx.config.configured.chargingProfile.id;
    await profileInstalled(ctx, 'Before: a charging profile with the configured id is installed', ctx.config.configured.evseId, buildProfile(ctx.config, { purpose: 'TxDefaultProfile' }));
    await chargingProfileCleared(ctx, '1-2. harness clears the profile by its id, station accepts', { chargingProfileId: id }, 'Accepted');
    await chargingProfilesReported(ctx, ['3-4. harness asks for the profile by its id, station has none'], { chargingProfile: { chargingProfileId: [id] } }, 'NoProfiles');
  },
});
