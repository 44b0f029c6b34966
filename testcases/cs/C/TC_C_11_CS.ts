/** TC_C_11_CS: an idToken cached as Expired is checked with the CSMS again when presented online. */
import { defineTestCase } from '../../../src/engine/testcase';
import { CACHE_POST_AUTHORIZE_ON, cachedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_11_CS',
  name: 'Authorization through authorization cache - Expired',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  detects: ['authCache.noPostAuthorize'],
  configuration: CACHE_POST_AUTHORIZE_ON,
  notes:
    'Part 6 has the harness answer step 1 with a TransactionEventResponse and validates the valid idToken, while the memory state and the ' +
    'manual action use the expired one: read as an AuthorizeResponse with status Expired for <Configured expired_idtoken>, the token ' +
    'that was presented. ' +
    'The token is presented at the station whatever configured.startTransactionVia says: errata 2025-09 6.2.22 allows the remote ' +
    'Authorized state here, but the step 1 validation is about the AuthorizeRequest a presented token causes.',
  async run(ctx) {
    await cachedTokenAskedAgain(ctx, ctx.config.configured.idTokens.expired, 'Expired');
  },
});
