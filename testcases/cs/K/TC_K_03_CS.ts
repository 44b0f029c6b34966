/** TC_K_03_CS: a ChargingStationMaxProfile for the whole station is stored as sent and reported back for EVSE 0. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_03_CS',
  name: 'Set Charging Profile - ChargingStationMaxProfile',
  sut: 'CS',
  useCases: ['K01'],
  requirements: [],
  detects: ['smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'Absolute, stack level 0, starting now, <Configured duration>, one period from 0 s at 6 times the limit multiplier (errata 2025-09 6.2.69), on EVSE 0.',
  async run(ctx) {
    const profile = buildProfile(ctx.config, { purpose: 'ChargingStationMaxProfile' });
    await setChargingProfile(ctx, '1-2. harness sends a ChargingStationMaxProfile for EVSE 0, station accepts it', 0, profile, 'Accepted');
    const report = await chargingProfilesReported(
      ctx,
      ['3-4. harness asks for the profile by its id, station accepts', '5-6. station reports the profile, harness answers'],
      { chargingProfile: { chargingProfileId: [profile.id] } },
      'Accepted',
    );
    await ctx.step('Post scenario: the profile reported (for EVSE 0) is the one sent in step 1', () => checkReported(ctx, report, [{ evseId: 0, profile }]));
  },
});
