/** TC_K_35_CS: asked for one EVSE and a purpose, during a transaction, the station reports the matching profile of that EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, checkReported, energyTransferStarted, smartChargingRequired, twoProfilesInstalled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_35_CS',
  name: 'Get Charging Profile - EvseId > 0 + chargingProfilePurpose',
  sut: 'CS',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  detects: ['smartCharging.reportWrongRequestId'],
  applicable: smartChargingRequired,
  notes: 'Errata 2025-09 6.2.70: the charging state is EnergyTransferStarted. The Before profiles of TC_K_29_CS; the request names <Configured evseId> and <Configured chargingProfilePurpose>, which must be TxDefaultProfile for an EVSE (a ChargingStationMaxProfile sits on EVSE 0 only), so TxDefaultProfile is asked for.',
  async run(ctx) {
    const profiles = await twoProfilesInstalled(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const report = await chargingProfilesReported(ctx, ['1-2. harness sends GetChargingProfilesRequest for the configured EVSE and purpose, station accepts', '3-4. station reports the matching profiles, harness answers each report'], { evseId: profiles.txDefault.evseId, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } }, 'Accepted');
      await ctx.step('Post scenario: all reports came, with the TxDefaultProfile of the EVSE only', () => checkReported(ctx, report, [profiles.txDefault]));
    });
  },
});
