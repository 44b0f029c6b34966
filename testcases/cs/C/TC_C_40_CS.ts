/** TC_C_40_CS: a second token of the same group, both in the local list, ends the authorization the first one started. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPostSession, evDisconnected, LOCAL_LIST_ON, parkingBayUnoccupied, stopAuthorized, stopEventCarries, withListGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_40_CS',
  name: 'Authorization by GroupId - Success with Local Authorization List',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  detects: ['auth.stopTokenIgnored', 'auth.groupIdIgnored', 'localList.notUsedOnline', 'auth.stopEventWithoutToken'],
  configuration: LOCAL_LIST_ON,
  notes:
    'Both tokens are in the local list with <Configured groupIdToken> (Part 6 says the second is "in the Authorization Cache"; ' +
    'the memory state puts it in the list). The StopAuthorized event must carry an idToken (step 4 lists one): the second ' +
    'token (E07.FR.02: the token used to stop) or the first (as Part 6 writes it); both the StopAuthorized state and step 4 ' +
    'accept either. Its eventType is Updated as Part 6 says, or Ended when it is the last event of the stop and TxStopPoint ' +
    'ends the transaction with the authorization (E06). The station decides from its list, so an AuthorizeRequest for the ' +
    'first token fails step 1.',
  async run(ctx) {
    const { valid, valid2 } = ctx.config.configured.idTokens;
    await withListGroupCharging(ctx, valid2, 'Accepted', async (session) => {
      session.idToken = valid2;
      await ctx.step('Manual action, 4: present the second valid idToken of the group to stop (StopAuthorized, local)', () => stopAuthorized(session, 'local', [valid2, valid]));
      await stopEventCarries(session, '4. the stop is reported with triggerReason StopAuthorized and a token of the group', [valid2, valid]);
      await ctx.step('5. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('6. EVDisconnected', () => evDisconnected(session));
      await ctx.step('7. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
    });
  },
});
