/** TC_K_13_CS: a charging profile survives a reboot of the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted, buildProfile, chargingProfilesReported, checkReported, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_13_CS',
  name: 'Set Charging Profile - Persistent over reboot',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.27'],
  detects: ['smartCharging.notPersistent'],
  applicable: smartChargingRequired,
  notes: 'The profile is that of TC_K_01_CS. Booted restarts the station with ResetRequest (Immediate).',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile' });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile for the configured EVSE, station accepts it', evseId, profile, 'Accepted');
    await ctx.step('3. Reusable State Booted', () => booted(ctx, 'reset'));
    const report = await chargingProfilesReported(
      ctx,
      ['4-5. harness asks for the profile by its id, station accepts', '6-7. station reports the profile, harness answers'],
      { chargingProfile: { chargingProfileId: [profile.id] } },
      'Accepted',
    );
    await ctx.step('Post scenario: the profile reported is the one sent in step 1', () => checkReported(ctx, report, [{ evseId, profile }]));
  },
});
