/** TC_C_09_CS: an idToken cached as Invalid is checked with the CSMS again when presented online. */
import { defineTestCase } from '../../../src/engine/testcase';
import { CACHE_POST_AUTHORIZE_ON, cachedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_09_CS',
  name: 'Authorization through authorization cache - Invalid & Not Accepted',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  detects: ['authCache.noPostAuthorize'],
  configuration: CACHE_POST_AUTHORIZE_ON,
  notes:
    'The memory state caches <Configured invalid_idtoken> with status Invalid by presenting it and answering its AuthorizeRequest Invalid ' +
    '(errata 2025-09 6.2.120 runs the rest of IdTokenCached only for accepted tokens). ' +
    'The token is presented at the station whatever configured.startTransactionVia says: errata 2025-09 6.2.22 allows the remote ' +
    'Authorized state here, but the step 1 validation is about the AuthorizeRequest a presented token causes.',
  async run(ctx) {
    await cachedTokenAskedAgain(ctx, ctx.config.configured.idTokens.invalid, 'Invalid');
  },
});
