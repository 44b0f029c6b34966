/** TC_C_33_CS: the idTokenInfo of an AuthorizeResponse goes into the cache, so the same idToken is later authorized from it. */
import { defineTestCase } from '../../../src/engine/testcase';
import {
  answerToken,
  AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED,
  authorizedFromCache,
  authorizedWithEventType,
  tokenNotCached,
  energyTransferStarted,
  evConnectedPostSession,
  evConnectedPreSession,
  evDisconnected,
  LOCAL_LIST_ENABLED,
  parkingBayOccupied,
  parkingBayUnoccupied,
  withSession,
} from '../states';

export default defineTestCase({
  id: 'TC_C_33_CS',
  name: 'Store Authorization Data in the Authorization Cache - Update on AuthorizeResponse',
  sut: 'CS',
  useCases: ['C10'],
  requirements: ['C10.FR.04', 'C12.FR.06'],
  detects: ['authCache.notUsed', 'auth.noAuthorizeRequest'],
  configuration: [...AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED, LOCAL_LIST_ENABLED],
  notes:
    'Memory state N/a: the harness empties the cache first (memory state reading of TC_C_04_CS), so the first presentation must be asked about (steps 1-2). The second ' +
    'presentation (steps 12-13) must then be authorized from the cache, without an AuthorizeRequest; its TransactionEventRequest is ' +
    'answered Invalid as Part 6 says, and what the station does about that is left to the clean-up. Steps 1-4 are the Authorized ' +
    '(local) state plus the eventType validation of step 3.',
  async run(ctx) {
    const valid = ctx.config.configured.idTokens.valid;
    await withSession(ctx, async (session) => {
      await tokenNotCached(ctx, 'Before: memory state, the valid idToken is not in the authorization cache yet (harness sends ClearCacheRequest)');
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('Manual action, 1-4: present the valid idToken; the CSMS accepts it', () => authorizedWithEventType(session));
      await ctx.step('5. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      await ctx.step('6. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('7. EVDisconnected', () => evDisconnected(session));
      await ctx.step('8. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
      await ctx.step('9. ParkingBayOccupied', () => parkingBayOccupied(session));
      await ctx.step('10. EVConnectedPreSession', () => evConnectedPreSession(session));
      answerToken(session.monitor, valid, { status: 'Invalid' });
      await ctx.step('Manual action, 12-13: present the same valid idToken; it is authorized from the cache, the CSMS answers Invalid', () => authorizedFromCache(session, '12-13'));
    });
  },
});
