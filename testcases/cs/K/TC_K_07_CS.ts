/** TC_K_07_CS: clearing by a purpose and stack level no profile has answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfileCleared, profileInstalled, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_07_CS',
  name: 'Clear Charging Profile - With unknown stackLevel/purpose combination',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.01'],
  detects: ['smartCharging.clearAlwaysAccepted'],
  applicable: smartChargingRequired,
  notes: 'The Before profile is a TxDefaultProfile at stack level 1 on <Configured evseId>.',
  async run(ctx) {
    await profileInstalled(ctx, 'Before: a TxDefaultProfile with stack level 1 is installed', ctx.config.configured.evseId, buildProfile(ctx.config, { purpose: 'TxDefaultProfile', stackLevel: 1 }));
    await chargingProfileCleared(ctx, '1-2. harness clears ChargingStationMaxProfile at stack level 0, station knows none', { chargingProfileCriteria: { chargingProfilePurpose: 'ChargingStationMaxProfile', stackLevel: 0 } }, 'Unknown');
  },
});
