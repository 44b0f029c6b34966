/** TC_K_10_CS: a TxDefaultProfile for EVSE 0 (all EVSEs) is stored as sent and reported back for EVSE 0. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_10_CS',
  name: 'Set Charging Profile - TxDefaultProfile - All EVSE',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.07', 'K01.FR.14'],
  detects: ['chargingProfile.txDefaultRejected', 'smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'As TC_K_01_CS on EVSE 0; the limit is 6 times the limit multiplier (errata 2025-09 6.2.69). The single report must come without tbc.',
  async run(ctx) {
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile' });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile for EVSE 0, station accepts it', 0, profile, 'Accepted');
    const report = await chargingProfilesReported(
      ctx,
      ['3-4. harness asks for the profile by its id, station accepts', '5-6. station reports the profile for EVSE 0 (tbc false), harness answers'],
      { chargingProfile: { chargingProfileId: [profile.id] } },
      'Accepted',
    );
    await ctx.step('Post scenario: the profile reported (EVSE 0) is the one sent in step 1', () => checkReported(ctx, report, [{ evseId: 0, profile }]));
  },
});
