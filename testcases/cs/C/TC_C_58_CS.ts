/** TC_C_58_CS: with LocalAuthListCtrlr.DisablePostAuthorize true, a token the local list calls Invalid is refused without asking the CSMS. */
import { defineTestCase } from '../../../src/engine/testcase';
import { listPostAuthorizeDisabled, LOCAL_LIST_ON, nothingReported, sessionChanged, withListedToken } from '../states';

export default defineTestCase({
  id: 'TC_C_58_CS',
  name: 'Online authorization through local authorization list - LocalAuthListDisablePostAuthorize',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  detects: ['localList.disablePostAuthorizeIgnored'],
  configuration: [...LOCAL_LIST_ON, listPostAuthorizeDisabled(true)],
  notes:
    'Part 6 prints the id TC_C_28_CS in this table; the name and purpose are those of TC_C_58_CS. The refusal shows as no ' +
    'AuthorizeRequest and no TransactionEventRequest beyond meter values for <Configured message timeout> after the token ' +
    'is presented (with TxStartPoint Authorized an accepted token would start a transaction).',
  async run(ctx) {
    const { invalid } = ctx.config.configured.idTokens;
    await withListedToken(ctx, invalid, 'Invalid', async (session) => {
      await session.act(`Manual action: present the idToken '${invalid.idToken}', which the local list calls Invalid`, { kind: 'presentIdToken', idToken: invalid, evseId: session.evse.evseId });
      await nothingReported(session, '1. station sends no AuthorizeRequest and refuses the token', (call) =>
        call.action === 'Authorize' ? 'the station sent an AuthorizeRequest although LocalAuthListCtrlr.DisablePostAuthorize is true' : sessionChanged(call),
      );
    });
  },
});
