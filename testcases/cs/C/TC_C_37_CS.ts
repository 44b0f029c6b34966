/** TC_C_37_CS: ClearCacheRequest empties the cache, so the idToken that was cached is asked about again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, authorized, clearCache, energyTransferStarted, evConnectedPreSession, parkingBayOccupied, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_37_CS',
  name: 'Clear Authorization Data in Authorization Cache - Accepted',
  sut: 'CS',
  useCases: ['C11'],
  requirements: ['C11.FR.01', 'C11.FR.02', 'C11.FR.03'],
  detects: ['authCache.notCleared'],
  configuration: AUTH_CACHE_ON,
  notes:
    'Part 6 sets only AuthCacheEnabled; LocalPreAuthorize is set to true as well (both "if implemented"), since otherwise the station asks the CSMS about every ' +
    'token and the AuthorizeRequest of step 5 would show nothing about the cleared cache. Steps 5-8 are the Authorized (local) state.',
  async run(ctx) {
    await validTokenCached(ctx);
    await clearCache(ctx, '1-2. harness sends ClearCacheRequest, station answers Accepted', 'Accepted');
    await withSession(ctx, async (session) => {
      await ctx.step('3. ParkingBayOccupied', () => parkingBayOccupied(session));
      await ctx.step('4. EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('Manual action, 5-8: present the valid idToken that was cached; the station asks the CSMS (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('9. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
