/** TC_K_31_CS: asked without an EVSE, the station reports every installed profile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_31_CS',
  name: 'Get Charging Profile - No EvseId',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.06'],
  detects: ['smartCharging.reportWithoutTbc'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles of TC_K_29_CS (on two EVSEs, so two reports, the first with tbc); the request names no EVSE and no criteria.',
  async run(ctx) {
    const { stationMax, txDefault } = await twoProfilesInstalled(ctx);
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest without an EVSE, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { chargingProfile: {} }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with both profiles', () => checkReported(ctx, report, [stationMax, txDefault]));
  },
});
