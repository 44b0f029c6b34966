/** TC_C_29_CS: online, with the EV connected, a token the local list calls Blocked is checked with the CSMS (AuthorizeRequest). */
import { defineTestCase } from '../../../src/engine/testcase';
import { LIST_POST_AUTHORIZE_ON, listedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_29_CS',
  name: 'Online authorization through local authorization list - Blocked',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  detects: ['localList.noPostAuthorize'],
  configuration: LIST_POST_AUTHORIZE_ON,
  notes: 'The harness answers the AuthorizeRequest with Blocked, the status of <Configured blocked_idtoken>.',
  run: (ctx) => listedTokenAskedAgain(ctx, ctx.config.configured.idTokens.blocked, 'Blocked', true),
});
