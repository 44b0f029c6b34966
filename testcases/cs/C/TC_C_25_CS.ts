/** TC_C_25_CS: offline, the local list (token Invalid) outranks the authorization cache (token Accepted): no charging starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ENABLED, connectionClosed, evConnectedPreSession, ifImplemented, listEntry, nothingReported, OFFLINE_RETRY, offlineFromList, stopTxOnInvalidId, validTokenCached, withLocalList, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_25_CS',
  name: 'Offline authorization through local authorization list - Local Authorization List > Authorization Cache',
  sut: 'CS',
  useCases: ['C13', 'C14'],
  requirements: ['C13.FR.01', 'C14.FR.01'],
  detects: ['localList.notUsedOffline'],
  configuration: [...offlineFromList(true), stopTxOnInvalidId(false), ...OFFLINE_RETRY, ifImplemented(AUTH_CACHE_ENABLED)],
  notes:
    'AuthCacheCtrlr.Enabled is set too, as the memory state IdTokenCached needs the cache (errata 2025-09 6.2.33 names ' +
    'AuthCacheCtrlr.Available as the prerequisite); as in the other cache cases it is left out when the station does not have it. ' +
    'The cache is filled first, then the list marks the same token Invalid. ' +
    '"Does NOT start a transaction" is read as: after the reconnection the station reports nothing about the token; a ' +
    'transaction that TxStartPoint EVConnected opened before the harness went offline may stay open (meter values allowed).',
  async run(ctx) {
    const { configured } = ctx.config;
    await validTokenCached(ctx);
    await withLocalList(ctx, [listEntry(configured.idTokens.valid, 'Invalid')], () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
        const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
        await session.act(`Manual action: present the idToken '${session.idToken.idToken}' (cached Accepted, listed Invalid)`, { kind: 'presentIdToken', idToken: session.idToken, evseId: session.evse.evseId });
        const seconds = configured.transactionDuration;
        await ctx.step(`Wait <Configured Transaction Duration> (${seconds} s) while offline`, () => session.monitor.watch(seconds * 1000, undefined, { acrossReconnect: true }));
        await offline.reconnect('2. harness accepts the reconnection');
        await nothingReported(session, '3. the station starts no transaction for the token');
      }),
    );
  },
});
