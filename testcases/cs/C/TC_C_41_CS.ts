/** TC_C_41_CS: two idTokens of one group in the authorization cache: the second ends the transaction of the first without asking the CSMS. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, evConnectedPostSession, evDisconnected, noAuthorizeSinceAction, parkingBayUnoccupied, stopAuthorized, withGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_41_CS',
  name: 'Authorization by GroupId - Success with Authorization Cache',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  detects: ['auth.groupIdIgnored', 'authCache.notUsed'],
  configuration: AUTH_CACHE_ON,
  notes:
    'Both <Configured valid_idtoken> and <Configured valid_idtoken2> are cached as Accepted with <Configured groupIdToken>. Step 4 is ' +
    'StopAuthorized (local) with idToken2 presented; its validation names the valid idToken, read (E07.FR.02) as the token that ' +
    'stopped the authorization, which the StopAuthorized state checks when the station includes it. Both tokens are cached and valid, ' +
    'so C09.FR.07 also rules out an AuthorizeRequest before the stop.',
  async run(ctx) {
    const { valid2 } = ctx.config.configured.idTokens;
    await withGroupCharging(ctx, valid2, 'Accepted', true, async (session) => {
      session.idToken = valid2;
      await ctx.step('Manual action, 4: present the cached idToken2 of the same group (StopAuthorized, local)', async () => {
        await stopAuthorized(session, 'local');
        noAuthorizeSinceAction(session);
      });
      await ctx.step('5. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('6. EVDisconnected', () => evDisconnected(session));
      await ctx.step('7. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
    });
  },
});
