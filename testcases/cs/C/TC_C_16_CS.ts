/** TC_C_16_CS: a cached idToken authorized offline, then called Invalid by the CSMS, is deauthorized when StopTxOnInvalidId is true. */
import { defineTestCase } from '../../../src/engine/testcase';
import { cachedTokenUsedOffline, deauthorized, evConnectedPreSession, offlineFromCache, onInvalidId, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_16_CS',
  name: 'Authorization through authorization cache - StopTxOnInvalidId = true',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['deauthorize.ignored', 'offline.flagMissing'],
  configuration: [...offlineFromCache(false), ...onInvalidId(true, 0)],
  notes:
    'Part 6 waits a fixed 5 s while offline here and <Configured Transaction Duration> in TC_C_15_CS / TC_C_18_CS for the same purpose; ' +
    'all of them wait the configured duration. The memory state puts the valid idToken in the cache only. Steps 5-6 are checked as the ' +
    'Deauthorized state (errata 2025-09 6.2.118): chargingState EVConnected or SuspendedEVSE shows the energy flow stopped (post ' +
    'scenario). One reconnection attempt after step 2 may still be refused (HTTP 503).',
  async run(ctx) {
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await cachedTokenUsedOffline(session);
      await ctx.step('5-6. station deauthorizes the transaction (Deauthorized)', () => deauthorized(session));
    });
  },
});
