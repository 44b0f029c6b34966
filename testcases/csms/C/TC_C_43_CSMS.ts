/** TC_C_43_CSMS: a group member from the local list asks the CSMS to authorize a stop, and the CSMS answers with the common group. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, energyTransferStarted, evConnectedPreSession, groupMemberStops, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_43_CSMS',
  name: 'Authorization by GroupId - Invalid status with Local Authorization List',
  sut: 'CSMS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  detects: ['idToken.noGroupId'],
  notes:
    'Despite its name, Part 6 expects Accepted with <Configured groupIdToken> in every answer; the station first took ' +
    'valid_idtoken from its local list, then asks the CSMS about valid_idtoken2 before stopping. Part 6 lists the first ' +
    'validation under step 1; it concerns the answer of step 2.',
  async run(ctx) {
    const { step, config } = ctx;
    const group = config.configured.idTokens.group;
    const tx = newTransaction(config);
    await evConnectedPreSession(ctx, tx);
    await sendAuthorized(ctx, '1-2. harness sends TransactionEventRequest (Authorized, Updated) with valid_idtoken', tx, tx.idToken, accepted(group));
    await step('3. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await groupMemberStops(ctx, tx, {
      authorize: '4-5. harness sends AuthorizeRequest for valid_idtoken2',
      stop: '6-7. harness sends TransactionEventRequest (StopAuthorized) with valid_idtoken2',
      postSession: '8. the energy transfer stops, the EV still plugged in',
      unplug: '9. the EV is unplugged',
    });
  },
});
