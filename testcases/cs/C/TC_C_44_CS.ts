/** TC_C_44_CS: an idToken of the same group cached as Invalid is asked about again and, still Invalid, must not stop the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { CACHE_POST_AUTHORIZE_ON, nothingReported, presentAndAnswer, withGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_44_CS',
  name: 'Authorization by GroupId - Invalid status with Authorization Cache',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  detects: ['auth.invalidGroupTokenStops', 'authCache.noPostAuthorize'],
  configuration: CACHE_POST_AUTHORIZE_ON,
  notes:
    '<Configured valid_idtoken> is cached as Accepted and <Configured invalid_idtoken> as Invalid, both with <Configured groupIdToken>. ' +
    'After step 5 the harness watches for the run\'s message timeout that no TransactionEventRequest (beyond meter values) follows.',
  async run(ctx) {
    const { invalid } = ctx.config.configured.idTokens;
    await withGroupCharging(ctx, invalid, 'Invalid', true, async (session) => {
      await presentAndAnswer(session, invalid, '4-5');
      await nothingReported(session, 'Note: no TransactionEventRequest, the energy transfer goes on');
    });
  },
});
