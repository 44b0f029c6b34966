/** TC_K_29_CS: asked for EVSE 0, the station reports only the profiles installed on the station itself. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, smartChargingRequired, twoProfilesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_K_29_CS',
  name: 'Get Charging Profile - EvseId 0',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.05'],
  detects: ['smartCharging.reportIgnoresEvse', 'smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'The Before profiles: Id1 (<Configured chargingProfileId> + 1) a ChargingStationMaxProfile on EVSE 0, Id2 (+ 2) a TxDefaultProfile on <Configured evseId>. The request names no criteria (an empty chargingProfile).',
  async run(ctx) {
    const { stationMax } = await twoProfilesInstalled(ctx);
    const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for EVSE 0, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId: 0, chargingProfile: {} }, 'Accepted');
    await ctx.step('Post scenario: all reports came, with the ChargingStationMaxProfile only', () => checkReported(ctx, report, [stationMax]));
  },
});
