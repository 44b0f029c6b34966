/** TC_K_08_CS: clearing a profile by an id the station does not hold answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfileCleared, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_08_CS',
  name: 'Clear Charging Profile - Without previous charging profile',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.01'],
  detects: ['smartCharging.clearAlwaysAccepted'],
  applicable: smartChargingRequired,
  notes: 'The generated id is <Configured chargingProfileId> plus a random offset, which no case sets.',
  async run(ctx) {
    const chargingProfileId = ctx.config.configured.chargingProfile.id + 1000 + Math.floor(Math.random() * 1000);
    await chargingProfileCleared(ctx, '1-2. harness clears a profile id the station never had, station knows none', { chargingProfileId }, 'Unknown');
  },
});
