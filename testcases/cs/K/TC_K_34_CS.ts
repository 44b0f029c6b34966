/** TC_K_34_CS: asked for one EVSE and a chargingLimitSource, the station reports the profiles of that source and none of another. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, profileInstalled, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_34_CS',
  name: 'Get Charging Profile - EvseId > 0 + chargingLimitSource',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  detects: ['smartCharging.reportIgnoresFilter'],
  applicable: smartChargingRequired,
  notes: 'The Before profile: Id1 (<Configured chargingProfileId> + 1) a TxDefaultProfile at <Configured stackLevel> + 1 on <Configured evseId>, set by the CSMS (source CSO). The second request asks for <Configured chargingLimitSource2>, of which the station holds no profile.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const { id, stackLevel, limitSource2 } = ctx.config.configured.chargingProfile;
    const profile = buildProfile(ctx.config, { id: id + 1, purpose: 'TxDefaultProfile', stackLevel: stackLevel + 1 });
    await profileInstalled(ctx, 'Before: a TxDefaultProfile (Id1) is installed on the configured EVSE', evseId, profile);
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for the configured EVSE and source CSO, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId, chargingProfile: { chargingLimitSource: ['CSO'] } }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with profile Id1', () => checkReported(ctx, report, [{ evseId, profile }]));
    await chargingProfilesReported(ctx, [`5-6. harness asks for the profiles of the EVSE from source ${limitSource2}, station has none`], { evseId, chargingProfile: { chargingLimitSource: [limitSource2] } }, 'NoProfiles');
  },
});
