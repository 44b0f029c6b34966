/** TC_C_42_CS: an idToken of the same group that the CSMS calls Invalid must not stop the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { nothingReported, presentAndAnswer, withGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_42_CS',
  name: 'Authorization by GroupId - Not stopped by GroupId',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.11'],
  detects: ['auth.invalidGroupTokenStops'],
  notes:
    'The second token is <Configured invalid_idtoken>, answered Invalid with <Configured groupIdToken> (step 6 validates the valid ' +
    'idToken; read as the token presented). Memory state N/a: the harness empties the authorization cache first. The wait for the ' +
    'absent TransactionEventRequest is the run\'s message timeout; meter-value events may come meanwhile. Steps 1-4 are the Authorized ' +
    '(local) state plus the eventType validation of step 3.',
  async run(ctx) {
    const { invalid } = ctx.config.configured.idTokens;
    await withGroupCharging(ctx, invalid, 'Invalid', false, async (session) => {
      await presentAndAnswer(session, invalid, '6-7');
      await nothingReported(session, 'Note and post scenario: no TransactionEventRequest, the energy transfer goes on');
    });
  },
});
