/** TC_K_30_CS: asked for one EVSE, the station reports only the profiles of that EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_30_CS',
  name: 'Get Charging Profile - EvseId > 0',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  detects: ['smartCharging.reportIgnoresEvse'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles of TC_K_29_CS; the request names <Configured evseId> and no criteria.',
  async run(ctx) {
    const { txDefault } = await twoProfilesInstalled(ctx);
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for the configured EVSE, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId: txDefault.evseId, chargingProfile: {} }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with the TxDefaultProfile of the EVSE only', () => checkReported(ctx, report, [txDefault]));
  },
});
