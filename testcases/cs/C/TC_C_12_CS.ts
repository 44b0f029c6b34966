/** TC_C_12_CS: an idToken cached as Invalid that the CSMS now accepts starts a session after the AuthorizeRequest. */
import { defineTestCase } from '../../../src/engine/testcase';
import { CACHE_POST_AUTHORIZE_ON, answerToken, authorized, energyTransferStarted, withCachedToken } from '../states';

export default defineTestCase({
  id: 'TC_C_12_CS',
  name: 'Authorization through authorization cache - Invalid & Accepted',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  detects: ['authCache.noPostAuthorize'],
  configuration: CACHE_POST_AUTHORIZE_ON,
  notes:
    'The cached and presented token is <Configured invalid_idtoken> (memory state and manual action); the tool validation names the ' +
    'valid one, read as the presented token. From step 2 on the harness answers that token Accepted. Steps 1-4 are the Authorized ' +
    '(local) state, whose TransactionEventRequest step Part 6 calls optional here (it follows TxStartPoint). ' +
    'The token is presented at the station whatever configured.startTransactionVia says: errata 2025-09 6.2.22 allows the remote ' +
    'Authorized state here, but the step 1 validation is about the AuthorizeRequest a presented token causes.',
  async run(ctx) {
    const token = ctx.config.configured.idTokens.invalid;
    await withCachedToken(ctx, token, { status: 'Invalid' }, async (session) => {
      answerToken(session.monitor, token, { status: 'Accepted' });
      await ctx.step('1-4. the cached Invalid token is asked about again and now accepted (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('5. energy starts to flow (EnergyTransferStarted; post scenario: energy transfer started)', () => energyTransferStarted(session));
    });
  },
});
