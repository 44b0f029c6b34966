/** TC_C_04_CS: during a transaction, a different idToken (unrelated to the one that started it) must not stop it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, answerToken, tokenNotCached, energyTransferStarted, nothingReported, presentAndAnswer, withSession, type TransactionEventCall } from '../states';

export default defineTestCase({
  id: 'TC_C_04_CS',
  name: 'Local Stop Transaction - Different idToken',
  sut: 'CS',
  useCases: ['C01', 'C04', 'E07'],
  requirements: ['C01.FR.02', 'C01.FR.03'],
  detects: ['auth.differentTokenStops', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes:
    'The different idToken is <Configured valid_idtoken2>, answered Accepted without a groupIdToken (so it shares no group with the ' +
    'starting token). For the memory state the harness empties the authorization cache first; a station without the feature ' +
    '(ClearCacheRequest answered CALLERROR NotImplemented or NotSupported, or Rejected with AuthCacheCtrlr absent or disabled, C11.FR.04) ' +
    'already satisfies the state, so the case goes on and a step says why. A local list is expected not to hold the token.',
  async run(ctx) {
    const { step, config } = ctx;
    const other = config.configured.idTokens.valid2;
    await withSession(ctx, async (session) => {
      await tokenNotCached(ctx, 'Before: memory state, the different idToken is not in the authorization cache (harness sends ClearCacheRequest)');
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      answerToken(session.monitor, other, { status: 'Accepted' });
      await presentAndAnswer(session, other, '1-2');
      await nothingReported(session, 'Note and post scenario: no TransactionEventRequest with an idToken, and none that ends the transaction', (call) => {
        const event = call.action === 'TransactionEvent' ? (call as TransactionEventCall).payload : undefined;
        if (event?.idToken === undefined && event?.eventType !== 'Ended') return undefined;
        return `the station sent a TransactionEventRequest (eventType ${event.eventType}, triggerReason ${event.triggerReason}) after the different idToken`;
      });
    });
  },
});
