/** TC_C_18_CS: with StopTxOnInvalidId true the transaction is deauthorized (online) whatever MaxEnergyOnInvalidId says. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_RETRY, cachedTokenUsedOffline, deauthorized, evConnectedPreSession, offlineFromCache, onInvalidId, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_18_CS',
  name: 'Authorization through authorization cache - StopTxOnInvalidId = true, MaxEnergyOnInvalidId > 0',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['deauthorize.ignored', 'offline.flagMissing'],
  configuration: [...offlineFromCache(true), ...onInvalidId(true, 500), ...OFFLINE_RETRY],
  notes:
    'MaxEnergyOnInvalidId is 500 Wh. The memory state puts the valid idToken in the cache only. Steps 5-6 are checked as the ' +
    'Deauthorized state (errata 2025-09 6.2.118) plus offline not true, since the station is back online. One reconnection attempt ' +
    'after step 2 may still be refused (HTTP 503).',
  async run(ctx) {
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await cachedTokenUsedOffline(session);
      await ctx.step('5-6. station deauthorizes the transaction, no longer offline (Deauthorized)', async () => {
        const event = await deauthorized(session);
        ctx.check.notEqual('TransactionEventRequest (Deauthorized).offline', event.offline, true);
      });
    });
  },
});
