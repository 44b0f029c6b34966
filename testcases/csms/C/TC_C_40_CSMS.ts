/** TC_C_40_CSMS: with both group members in the station's local list, the CSMS still answers their events with their common group. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, energyTransferStarted, evConnectedPreSession, groupMemberStops, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_40_CSMS',
  name: 'Authorization by GroupId - Success with Local Authorization List',
  sut: 'CSMS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  detects: ['idToken.noGroupId', 'transaction.requiresIdTokenAtStart'],
  notes:
    'The station authorized both idTokens from its local authorization list, so no AuthorizeRequest is sent. Part 6 numbers ' +
    'the steps 1-3 and 5-8 (there is no step 4); the titles keep its numbers.',
  async run(ctx) {
    const { step, config } = ctx;
    const group = config.configured.idTokens.group;
    const tx = newTransaction(config);
    await evConnectedPreSession(ctx, tx);
    await sendAuthorized(ctx, '1-2. harness sends TransactionEventRequest (Authorized, Updated) with valid_idtoken from the local list', tx, tx.idToken, accepted(group));
    await step('3. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await groupMemberStops(ctx, tx, {
      stop: '5-6. harness sends TransactionEventRequest (StopAuthorized) with valid_idtoken2 from the local list',
      postSession: '7. the energy transfer stops, the EV still plugged in',
      unplug: '8. the EV is unplugged',
    });
  },
});
