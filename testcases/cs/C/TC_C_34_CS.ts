/** TC_C_34_CS: the idTokenInfo of a TransactionEventResponse updates the cache, so a token the CSMS called Invalid is asked about again. */
import { defineTestCase } from '../../../src/engine/testcase';
import {
  answerToken,
  AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED,
  authorizedFromCache,
  deauthorized,
  evConnectedPreSession,
  evDisconnected,
  LOCAL_LIST_ENABLED,
  onInvalidId,
  parkingBayOccupied,
  parkingBayUnoccupied,
  presentAndAnswer,
  validTokenCached,
  withSession,
} from '../states';

export default defineTestCase({
  id: 'TC_C_34_CS',
  name: 'Store Authorization Data in the Authorization Cache - Update on TransactionResponse',
  sut: 'CS',
  useCases: ['C10'],
  requirements: ['C10.FR.05', 'C12.FR.06'],
  detects: ['authCache.notUpdatedOnTransactionEvent'],
  configuration: [...AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED, LOCAL_LIST_ENABLED, ...onInvalidId(true, 0)],
  notes:
    'Follows errata 2025-09 6.2.28 (Authorized from the cache answered Invalid, Deauthorized, EVDisconnected, ParkingBayUnoccupied, ' +
    'ParkingBayOccupied, Authorized answered Invalid). The errata drops the Before state EVConnectedPreSession yet disconnects the EV ' +
    'at step 3 and expects chargingState EVConnected or SuspendedEVSE on deauthorization, so the EV is connected first, as in the ' +
    'original case. Steps 1-2 of Deauthorized are the TransactionEventRequest of the Authorized state. The last Authorized presents ' +
    'the token locally: its AuthorizeRequest (validated as step 7 of the original case) shows the cache now holds Invalid.',
  async run(ctx) {
    const valid = ctx.config.configured.idTokens.valid;
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      answerToken(session.monitor, valid, { status: 'Invalid' });
      await ctx.step('1. Authorized with the cached idToken, the CSMS answers Invalid', () => authorizedFromCache(session, '3-4'));
      await ctx.step('2. Deauthorized', () => deauthorized(session));
      await ctx.step('3. EVDisconnected', () => evDisconnected(session));
      await ctx.step('4. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
      await ctx.step('5. ParkingBayOccupied', () => parkingBayOccupied(session));
      await ctx.step('6. Authorized: the station asks about the token the cache now holds as Invalid, the CSMS answers Invalid', () => presentAndAnswer(session, valid, '1-2'));
    });
  },
});
