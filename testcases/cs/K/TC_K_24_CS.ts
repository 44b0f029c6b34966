/** TC_K_24_CS: clearing by purpose and stack level removes the matching profiles of every EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfileCleared, chargingProfilesReported, profileInstalled, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_24_CS',
  name: 'Clear Charging Profile - With stackLevel/purpose combination for multiple profiles',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.04'],
  detects: ['smartCharging.clearByCriteriaIgnored'],
  applicable: (config) => smartChargingRequired(config) ?? (config.station.evses.length < 2 ? 'the station has fewer than 2 EVSEs' : undefined),
  notes:
    'The two Before profiles sit on the first two EVSEs of the run config with <Configured stackLevel>; they are TxDefaultProfiles (the purpose a profile ' +
    'on an EVSE can have apart from a TxProfile, which needs a transaction). Ids: <Configured chargingProfileId> and the next one.',
  async run(ctx) {
    const { stackLevel, id } = ctx.config.configured.chargingProfile;
    const purpose = 'TxDefaultProfile';
    const [first, second] = ctx.config.station.evses;
    await profileInstalled(ctx, `Before: a profile is installed on EVSE ${first.id}`, first.id, buildProfile(ctx.config, { purpose, stackLevel }));
    await profileInstalled(ctx, `Before: a profile is installed on EVSE ${second.id}`, second.id, buildProfile(ctx.config, { id: id + 1, purpose, stackLevel }));
    await chargingProfileCleared(ctx, '1-2. harness clears by purpose and stack level, station accepts', { chargingProfileCriteria: { chargingProfilePurpose: purpose, stackLevel } }, 'Accepted');
    await chargingProfilesReported(ctx, ['3-4. harness asks for profiles of that purpose and stack level, station has none'], { chargingProfile: { chargingProfilePurpose: purpose, stackLevel } }, 'NoProfiles');
  },
});
