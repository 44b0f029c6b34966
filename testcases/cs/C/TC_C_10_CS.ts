/** TC_C_10_CS: an idToken cached as Blocked is checked with the CSMS again when presented online. */
import { defineTestCase } from '../../../src/engine/testcase';
import { CACHE_POST_AUTHORIZE_ON, cachedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_10_CS',
  name: 'Authorization through authorization cache - Blocked',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  detects: ['authCache.noPostAuthorize'],
  configuration: CACHE_POST_AUTHORIZE_ON,
  notes:
    'The memory state caches <Configured blocked_idtoken> with status Blocked by presenting it and answering its AuthorizeRequest Blocked. ' +
    'The token is presented at the station whatever configured.startTransactionVia says: errata 2025-09 6.2.22 allows the remote ' +
    'Authorized state here, but the step 1 validation is about the AuthorizeRequest a presented token causes.',
  async run(ctx) {
    await cachedTokenAskedAgain(ctx, ctx.config.configured.idTokens.blocked, 'Blocked');
  },
});
