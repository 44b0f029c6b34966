/** TC_K_06_CS: clearing by purpose and stack level removes the one matching profile, during a transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfileCleared, chargingProfilesReported, energyTransferStarted, profileInstalled, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_06_CS',
  name: 'Clear Charging Profile - With stackLevel/purpose combination for one profile',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.04'],
  detects: ['smartCharging.clearByCriteriaIgnored'],
  applicable: smartChargingRequired,
  notes: 'The Before profile has <Configured chargingProfilePurpose> and <Configured stackLevel>: on <Configured evseId> for a TxDefaultProfile, on EVSE 0 for a ChargingStationMaxProfile.',
  async run(ctx) {
    const { purpose, stackLevel } = ctx.config.configured.chargingProfile;
    const evseId = purpose === 'ChargingStationMaxProfile' ? 0 : ctx.config.configured.evseId;
    await profileInstalled(ctx, 'Before: a profile with the configured purpose and stack level is installed', evseId, buildProfile(ctx.config, { purpose, stackLevel }));
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await chargingProfileCleared(ctx, '1-2. harness clears by purpose and stack level, station accepts', { chargingProfileCriteria: { chargingProfilePurpose: purpose, stackLevel } }, 'Accepted');
      await chargingProfilesReported(ctx, ['3-4. harness asks for profiles of that purpose and stack level, station has none'], { chargingProfile: { chargingProfilePurpose: purpose, stackLevel } }, 'NoProfiles');
    });
  },
});
