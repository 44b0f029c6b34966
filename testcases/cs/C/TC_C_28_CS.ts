/** TC_C_28_CS: online, a token the local list calls Invalid is checked with the CSMS (AuthorizeRequest) before it is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { LIST_POST_AUTHORIZE_ON, listedTokenAskedAgain } from '../states';

export default defineTestCase({
  id: 'TC_C_28_CS',
  name: 'Online authorization through local authorization list - Invalid & Not Accepted',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  detects: ['localList.noPostAuthorize'],
  configuration: LIST_POST_AUTHORIZE_ON,
  notes: 'Part 6 "LocalAuthListDisablePostAuthorize" is LocalAuthListCtrlr.DisablePostAuthorize. Prerequisites as errata 2025-09 (authorization other than NoAuthorization or Central).',
  run: (ctx) => listedTokenAskedAgain(ctx, ctx.config.configured.idTokens.invalid, 'Invalid', false),
});
