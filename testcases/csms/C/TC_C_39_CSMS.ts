/** TC_C_39_CSMS: the CSMS gives two idTokens of one group the same groupIdToken, so the second can stop what the first started. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeStep, energyTransferStarted, evConnectedPreSession, groupMemberStops, idTokenOf, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_39_CSMS',
  name: 'Authorization by GroupId - Success',
  sut: 'CSMS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  detects: ['idToken.noGroupId', 'transaction.noIdTokenInfo'],
  notes:
    'As Part 6 writes it, valid_idtoken2 is authorized first (step 1) and the transaction is then authorized with valid_idtoken ' +
    '(step 3); the harness follows that order. Both tokens must belong to <Configured groupIdToken> (configured.idTokens.group).',
  async run(ctx) {
    const { step, config } = ctx;
    const group = config.configured.idTokens.group;
    const second = idTokenOf(config.configured.idTokens.valid2);
    const tx = newTransaction(config);
    await evConnectedPreSession(ctx, tx);
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for valid_idtoken2', second, accepted(group));
    await sendAuthorized(ctx, '3-4. harness sends TransactionEventRequest (Authorized, Updated) with valid_idtoken', tx, tx.idToken, accepted(group));
    await step('5. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await groupMemberStops(ctx, tx, {
      authorize: '6-7. harness sends AuthorizeRequest for valid_idtoken2 to stop',
      stop: '8-9. harness sends TransactionEventRequest (StopAuthorized) with valid_idtoken2',
      postSession: '10. the energy transfer stops, the EV still plugged in',
      unplug: '11. the EV is unplugged',
    });
  },
});
