/** TC_C_57_CS: with DisablePostAuthorize true, an idToken cached as Invalid is refused without asking the CSMS. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, cachePostAuthorizeDisabled, nothingReported, sessionChanged, withCachedToken } from '../states';

export default defineTestCase({
  id: 'TC_C_57_CS',
  name: 'Authorization through authorization cache - AuthCacheDisablePostAuthorize',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  detects: ['authCache.disablePostAuthorizeIgnored', 'authCache.notUpdatedOnAuthorize'],
  configuration: [...AUTH_CACHE_ON, cachePostAuthorizeDisabled(true)],
  notes:
    'The absence of the AuthorizeRequest, and the refusal (no TransactionEventRequest beyond meter values), are watched for the run\'s ' +
    'message timeout. The memory state caches <Configured invalid_idtoken> as Invalid through an AuthorizeResponse only.',
  async run(ctx) {
    const token = ctx.config.configured.idTokens.invalid;
    await withCachedToken(ctx, token, { status: 'Invalid' }, async (session) => {
      await session.act(`Manual action: present the cached Invalid idToken '${token.idToken}'`, { kind: 'presentIdToken', idToken: token, evseId: session.evse.evseId });
      await nothingReported(session, '1. station sends no AuthorizeRequest and refuses the token', (call) =>
        call.action === 'Authorize' ? 'the station sent an AuthorizeRequest for a token cached as Invalid although DisablePostAuthorize is true' : sessionChanged(call),
      );
    });
  },
});
