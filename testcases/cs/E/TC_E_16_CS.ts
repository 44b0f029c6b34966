/** TC_E_16_CS: a transaction started offline ends when, back online, the CSMS says its token is Invalid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, ifImplemented, offlineTxForUnknownId, startOfflineTransaction, stopTxOnInvalidId, txStopPoint, unknownIdsAllowedOffline, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_16_CS',
  name: 'Stop transaction options - Deauthorized - Invalid idToken',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E06.FR.15', 'C15.FR.04'],
  detects: ['deauthorize.ignored', 'offline.flagMissing', 'transaction.wrongStoppedReason'],
  configuration: [txStopPoint('Authorized'), ...AUTHORIZATION_ON, ifImplemented(offlineTxForUnknownId(true)), stopTxOnInvalidId(true)],
  notes:
    'TxStopPoint is set to Authorized. The memory states IdTokenCached / IdTokenLocalAuthList are optional in Part 6 ("if implemented") and ' +
    'not run: OfflineTxForUnknownIdEnabled lets the station start offline anyway. That setting is "if implemented" as well; a station ' +
    'that does not have it on makes the case inconclusive, as only those memory states could then authorize the token. The harness ' +
    'answers every event carrying the valid token with idTokenInfo Invalid; step 1 checks the first event of the emptied queue, step 3 ' +
    'waits for the event that ends the transaction.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await unknownIdsAllowedOffline(ctx);
    await withSession(ctx, async (session) => {
      const { monitor } = session;
      const valid = config.configured.idTokens.valid;
      monitor.tokenInfo = (token) => (token.idToken === valid.idToken && token.type === valid.type ? { status: 'Invalid' } : { status: 'Accepted' });
      await step('Before: reach state StartOfflineTransaction', () => startOfflineTransaction(session));
      await step('1-2. station empties its queue; harness answers the event with the token Invalid', async () => {
        const first = await monitor.next('a queued TransactionEventRequest', (c) => c.action === 'TransactionEvent', { acrossReconnect: true });
        check.equal('TransactionEventRequest.offline', (first.payload as { offline?: boolean }).offline, true);
      });
      await step('3-4. station ends the deauthorized transaction', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest that deauthorizes the transaction', {}, (e) => e.triggerReason === 'Deauthorized' || e.eventType === 'Ended');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'Deauthorized');
        check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'DeAuthorized');
      });
      session.authorized = false;
    });
  },
});
