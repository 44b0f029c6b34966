/** TC_C_41_CS: two idTokens of one group in the authorization cache: the second ends the transaction of the first without asking the CSMS. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, evConnectedPostSession, evDisconnected, noAuthorizeSinceAction, parkingBayUnoccupied, stopAuthorized, stopEventCarries, withGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_41_CS',
  name: 'Authorization by GroupId - Success with Authorization Cache',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  detects: ['auth.groupIdIgnored', 'authCache.notUsed', 'auth.stopEventWithoutToken'],
  configuration: AUTH_CACHE_ON,
  notes:
    'Both <Configured valid_idtoken> and <Configured valid_idtoken2> are cached as Accepted with <Configured groupIdToken>. Step 4 is ' +
    'StopAuthorized (local) with idToken2 presented. Its validation asks for an event with triggerReason StopAuthorized that carries ' +
    'the valid idToken: the event is required here (the StopAuthorized state alone lets it be left out), and its idToken may be ' +
    'idToken2 (E07.FR.02: the token that stopped the authorization) or the valid one (as Part 6 writes it). Its eventType is checked ' +
    'as in TC_C_40_CS. Both tokens are cached and valid, so C09.FR.07 also rules out an AuthorizeRequest before the stop.',
  async run(ctx) {
    const { valid, valid2 } = ctx.config.configured.idTokens;
    await withGroupCharging(ctx, valid2, 'Accepted', true, async (session) => {
      session.idToken = valid2;
      await ctx.step('Manual action, 4: present the cached idToken2 of the same group (StopAuthorized, local)', async () => {
        await stopAuthorized(session, 'local', [valid2, valid]);
        noAuthorizeSinceAction(session);
      });
      await stopEventCarries(session, '4. the stop is reported with triggerReason StopAuthorized and a token of the group', [valid2, valid]);
      await ctx.step('5. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('6. EVDisconnected', () => evDisconnected(session));
      await ctx.step('7. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
    });
  },
});
