/** TC_C_36_CS: with LocalPreAuthorize false, even an idToken cached as Accepted is asked about with an AuthorizeRequest. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ENABLED, answerToken, presentAndAnswer, setting, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_36_CS',
  name: 'Store Authorization Data in the Authorization Cache - AuthCacheCtrlr.LocalPreAuthorize = false',
  sut: 'CS',
  useCases: ['C10'],
  requirements: ['C10.FR.11'],
  detects: ['authCache.preAuthorizeAlways'],
  configuration: [AUTH_CACHE_ENABLED, setting('AuthCtrlr', 'LocalPreAuthorize', 'false')],
  notes: 'LocalPreAuthorize lives in AuthCtrlr (the case name says AuthCacheCtrlr). The token is presented without an EV (no reusable state).',
  async run(ctx) {
    const valid = ctx.config.configured.idTokens.valid;
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      answerToken(session.monitor, valid, { status: 'Invalid' });
      await presentAndAnswer(session, valid, '1-2');
    });
  },
});
