/** TC_K_32_CS: asked for one chargingProfileId, the station reports that profile only. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_32_CS',
  name: 'Get Charging Profile - chargingProfileId',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.01', 'K09.FR.02'],
  detects: ['smartCharging.reportIgnoresFilter', 'smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles of TC_K_29_CS; the request asks for Id1. Part 6 lists requestId Generated Id1 among the validations; the harness checks the requestId it generated (K09.FR.01).',
  async run(ctx) {
    const { stationMax } = await twoProfilesInstalled(ctx);
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for Id1, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { chargingProfile: { chargingProfileId: [stationMax.profile.id] } }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with profile Id1 only', () => checkReported(ctx, report, [stationMax]));
  },
});
