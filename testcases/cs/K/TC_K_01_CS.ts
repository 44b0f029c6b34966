/** TC_K_01_CS: a TxDefaultProfile set on one EVSE is stored as sent and reported back for that EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_01_CS',
  name: 'Set Charging Profile - TxDefaultProfile - Specific EVSE',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.07', 'K01.FR.15'],
  detects: ['chargingProfile.txDefaultRejected', 'smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes:
    'The profile is Absolute, stack level 0, starting now, with <Configured duration>, one period from 0 s at 6 times the limit multiplier ' +
    'of errata 2025-09 6.2.69 (6 A; 230 W per phase in W). The reported profile must equal the one sent (dates compared as instants).',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile' });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile for the configured EVSE, station accepts it', evseId, profile, 'Accepted');
    const report = await chargingProfilesReported(
      ctx,
      ['3-4. harness asks for the profile by its id (GetChargingProfilesRequest), station accepts', '5-6. station reports the profile (ReportChargingProfilesRequest), harness answers'],
      { chargingProfile: { chargingProfileId: [profile.id] } },
      'Accepted',
    );
    await ctx.step('Post scenario: the profile reported is the one sent in step 1', () => checkReported(ctx, report, [{ evseId, profile }]));
  },
});
