/** TC_C_26_CS: offline, an idToken the station does not know starts charging (OfflineTxForUnknownIdEnabled); back online the CSMS calls it Invalid and the station suspends the energy. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { answerToken, connectorReported, evConnectedPostSession, evDisconnected, ifImplemented, maxEnergyOnInvalidId, offlineFromList, startOfflineTransaction, stopAuthorized, stopTxOnInvalidId, tokenNotCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_26_CS',
  name: 'Offline Authorization - Unknown Id',
  sut: 'CS',
  useCases: ['C15', 'C13'],
  requirements: ['C15.FR.02', 'C15.FR.06', 'C15.FR.08', 'C13.FR.04'],
  detects: ['offline.flagMissing', 'invalidId.energyNotSuspended'],
  configuration: [...offlineFromList(true), stopTxOnInvalidId(false), ifImplemented(maxEnergyOnInvalidId(0))],
  notes:
    'The unknown token is <Configured invalid_idtoken>, which the harness (as CSMS) answers Invalid; the station cache is ' +
    'emptied first so the station cannot know it (a station without a cache, which answers ClearCacheRequest NotImplemented or ' +
    'NotSupported or has its cache disabled, cannot know it either: the case goes on). Main steps as errata 2025-09 6.2.34: the station reports its connector ' +
    'Occupied after the reconnection, empties its queue, then StopAuthorized, EVConnectedPostSession and EVDisconnected. ' +
    '"All messages offline" is read as every TransactionEventRequest before the one with chargingState SuspendedEVSE, which ' +
    'the station can only send after it has heard the Invalid answer, i.e. online. The stop presents the token of the session ' +
    'again, as the StopAuthorized state of the errata does (the original step says "valid idToken"; the unknown token is the ' +
    'one that holds the authorization).',
  async run(ctx) {
    const { check, config } = ctx;
    const { invalid } = config.configured.idTokens;
    await tokenNotCached(ctx, 'Before (harness preparation beyond Part 6): the unknown idToken is not in the authorization cache (harness sends ClearCacheRequest)');
    await withSession(
      ctx,
      async (session) => {
        const { monitor } = session;
        answerToken(monitor, invalid, { status: 'Invalid' });
        // Counted before the state: the station's first message on the new connection may already be a queued event.
        const seen = monitor.events.length;
        await ctx.step('Before: reach state StartOfflineTransaction (with the unknown idToken)', () => startOfflineTransaction(session));
        await connectorReported(session, 'Occupied', '1-2. back online, the station reports its connector Occupied (errata 2025-09 6.2.34)');
        await ctx.step('1-2 (continued). station empties its queue (events marked offline); after the Invalid answer it suspends the energy (SuspendedEVSE)', async () => {
          let suspended: TransactionEventRequest | undefined;
          while (!suspended) {
            const event = await monitor.nextEvent('the queued TransactionEventRequests and one with chargingState SuspendedEVSE', { acrossReconnect: true });
            if (event.transactionInfo.chargingState === 'SuspendedEVSE') suspended = event;
          }
          check.equal('TransactionEventRequest.transactionInfo.chargingState', suspended.transactionInfo.chargingState, 'SuspendedEVSE');
          const queued = monitor.events.slice(seen).map((c) => c.payload).filter((e) => e !== suspended);
          check.that('TransactionEventRequests queued while offline', queued.length > 0, 'at least one, for the offline authorization', String(queued.length));
          for (const event of queued) check.equal(`queued TransactionEventRequest (seqNo ${event.seqNo}, ${event.triggerReason}).offline`, event.offline, true);
        });
        await ctx.step('3. StopAuthorized (local, the same idToken)', () => stopAuthorized(session, 'local'));
        await ctx.step('4. EVConnectedPostSession', () => evConnectedPostSession(session));
        await ctx.step('5. EVDisconnected', () => evDisconnected(session));
      },
      { idToken: invalid },
    );
  },
});
