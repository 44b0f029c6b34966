/** TC_K_04_CS: a profile sent with the id of a stored one replaces it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, profileInstalled, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_04_CS',
  name: 'Replace charging profile - With chargingProfileId',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.05'],
  detects: ['smartCharging.replaceIgnored'],
  applicable: smartChargingRequired,
  notes:
    'The Before profile and the replacement share <Configured chargingProfileId> (Part 6 calls the first one Generated; a replacement needs the same id). ' +
    'Both are TxDefaultProfiles for <Configured evseId>: 6, then 10 times the limit multiplier (errata 2025-09 6.2.69).',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await profileInstalled(ctx, 'Before: a TxDefaultProfile with limit 6 is installed', evseId, buildProfile(ctx.config, { purpose: 'TxDefaultProfile' }));
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', periods: [[0, 10]] });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile with the same id and limit 10, station accepts it', evseId, profile, 'Accepted');
    const report = await chargingProfilesReported(
      ctx,
      ['3-4. harness asks for the profile by its id, station accepts', '5-6. station reports the profile, harness answers'],
      { chargingProfile: { chargingProfileId: [profile.id] } },
      'Accepted',
    );
    await ctx.step('5. the profile reported is the one of step 1 (limit 10)', () => checkReported(ctx, report, [{ evseId, profile }]));
  },
});
