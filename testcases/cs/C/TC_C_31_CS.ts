/** TC_C_31_CS: online, a token the local list calls Invalid but the CSMS accepts still charges: the CSMS's answer wins. */
import { defineTestCase } from '../../../src/engine/testcase';
import { answerToken, authorized, energyTransferStarted, evConnectedPreSession, LIST_POST_AUTHORIZE_ON, withListedToken } from '../states';

export default defineTestCase({
  id: 'TC_C_31_CS',
  name: 'Online authorization through local authorization list - Invalid & Accepted',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  detects: ['localList.noPostAuthorize'],
  configuration: LIST_POST_AUTHORIZE_ON,
  notes:
    'The harness plays a CSMS that now accepts <Configured invalid_idtoken> (AuthorizeRequest and TransactionEventRequest ' +
    'answered Accepted). The Authorized state presents that token locally (the note of step 1), so it expects the ' +
    'AuthorizeRequest C14.FR.03 asks for. "Energy is transferred" is the chargingState Charging of EnergyTransferStarted.',
  async run(ctx) {
    const { invalid } = ctx.config.configured.idTokens;
    await withListedToken(ctx, invalid, 'Invalid', async (session) => {
      answerToken(session.monitor, invalid, { status: 'Accepted' });
      await ctx.step('1. present the listed invalid idToken; the CSMS accepts it (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('2. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
