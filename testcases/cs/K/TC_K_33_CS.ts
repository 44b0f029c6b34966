/** TC_K_33_CS: asked for one EVSE and a stack level, the station reports the matching profile of that EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_33_CS',
  name: 'Get Charging Profile - EvseId > 0 + stackLevel',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  detects: ['smartCharging.reportIgnoresEvse'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles of TC_K_29_CS at <Configured stackLevel>; <Configured stackLevel2> of the TxDefaultProfile is taken equal to it, as the report Part 6 expects must match the request. The request names <Configured evseId> and that stack level.',
  async run(ctx) {
    const { stackLevel } = ctx.config.configured.chargingProfile;
    const { txDefault } = await twoProfilesInstalled(ctx, { stationMax: stackLevel, txDefault: stackLevel });
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for the configured EVSE and stack level, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId: txDefault.evseId, chargingProfile: { stackLevel } }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with the TxDefaultProfile of the EVSE only', () => checkReported(ctx, report, [txDefault]));
  },
});
