/** TC_C_43_CS: a token of the same group that the local list calls Invalid cannot end the authorization; the CSMS is asked and says Invalid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { LOCAL_LIST_ON, nothingReported, presentAndAnswer, stopAuthorized, stopEventCarries, withListGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_43_CS',
  name: 'Authorization by GroupId - Invalid status with Local Authorization List',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  detects: ['auth.invalidGroupTokenStops', 'localList.noPostAuthorize', 'auth.stopEventWithoutToken'],
  configuration: LOCAL_LIST_ON,
  notes:
    'Step 4 validates the token that is presented, <Configured invalid_idtoken> (Part 6 prints valid_idtoken there); the ' +
    'harness answers it Invalid with <Configured groupIdToken>. The wait that follows is <Configured message timeout>. ' +
    'Part 6 validates a step 6 its scenario does not list: it is read as StopAuthorized with the valid token, whose event ' +
    'carries that token and is Updated unless it is the last event of the stop and TxStopPoint ends the transaction with the ' +
    'authorization (E06).',
  async run(ctx) {
    const { valid, invalid } = ctx.config.configured.idTokens;
    await withListGroupCharging(ctx, invalid, 'Invalid', async (session) => {
      await presentAndAnswer(session, invalid, '4-5');
      await nothingReported(session, 'Note: the station keeps the authorization: no TransactionEventRequest for the invalid group member');
      await ctx.step('6. present the valid idToken again to stop (StopAuthorized, local)', () => stopAuthorized(session, 'local'));
      await stopEventCarries(session, '6. the stop is reported with triggerReason StopAuthorized and the valid idToken', [valid]);
    });
  },
});
