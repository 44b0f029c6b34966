/** TC_K_36_CS: asked for one EVSE, a purpose and a stack level, the station reports the matching profile of that EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_36_CS',
  name: 'Get Charging Profile - EvseId > 0 + chargingProfilePurpose + stackLevel',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  detects: ['smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles of TC_K_29_CS, both at <Configured stackLevel>; the request names <Configured evseId>, TxDefaultProfile and that stack level.',
  async run(ctx) {
    const { stackLevel } = ctx.config.configured.chargingProfile;
    const { txDefault } = await twoProfilesInstalled(ctx, { stationMax: stackLevel, txDefault: stackLevel });
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for the configured EVSE, TxDefaultProfile and stack level, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId: txDefault.evseId, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile', stackLevel } }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with the TxDefaultProfile of the EVSE only', () => checkReported(ctx, report, [txDefault]));
  },
});
