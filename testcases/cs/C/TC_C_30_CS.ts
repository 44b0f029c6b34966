/** TC_C_30_CS: online, with the EV connected, a token the local list calls Expired is checked with the CSMS (AuthorizeRequest). */
import { defineTestCase } from '../../../src/engine/testcase';
import { LIST_POST_AUTHORIZE_ON, listedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_30_CS',
  name: 'Online authorization through local authorization list - Expired',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  detects: ['localList.noPostAuthorize'],
  configuration: LIST_POST_AUTHORIZE_ON,
  notes: 'The harness answers the AuthorizeRequest with Expired, the status of <Configured expired_idtoken>.',
  run: (ctx) => listedTokenAskedAgain(ctx, ctx.config.configured.idTokens.expired, 'Expired', true),
});
