/** TC_C_17_CS: a cached idToken authorized offline, then called Invalid by the CSMS, stops the energy (SuspendedEVSE) without ending the authorization when StopTxOnInvalidId is false. */
import { defineTestCase } from '../../../src/engine/testcase';
import { cachedTokenUsedOffline, evConnectedPreSession, offlineFromCache, onInvalidId, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_17_CS',
  name: 'Authorization through authorization cache - StopTxOnInvalidId = false',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['offline.flagMissing', 'invalidId.energyNotSuspended'],
  configuration: [...offlineFromCache(true), ...onInvalidId(false, 0)],
  notes:
    'LocalAuthorizeOffline is set to true as well, so the cached token is what authorizes offline. Part 6 waits a fixed 5 s while ' +
    'offline; the configured Transaction Duration is used, as in TC_C_15_CS. Its step 5 and the "no message" validation name ' +
    'triggerReason SuspendedEVSE, which is a chargingState: read as triggerReason ChargingStateChanged with chargingState ' +
    'SuspendedEVSE (E05.FR.02, C15.FR.06), and no Deauthorized. The Authorized event is required here (optional in TC_C_15_CS).',
  async run(ctx) {
    const { check } = ctx;
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      const queued = await cachedTokenUsedOffline(session);
      await ctx.step('2. queued events include the authorization', () => {
        check.that('queued TransactionEventRequest with triggerReason Authorized', queued.some((e) => e.triggerReason === 'Authorized'), 'sent', queued.map((e) => e.triggerReason).join(', '));
      });
      await ctx.step('5-6. station stops the energy: chargingState SuspendedEVSE, the transaction stays authorized', async () => {
        const event = await session.monitor.nextEvent('a TransactionEventRequest with chargingState SuspendedEVSE', {}, (e) => e.transactionInfo.chargingState !== undefined || e.triggerReason === 'Deauthorized');
        check.notEqual('TransactionEventRequest.triggerReason', event.triggerReason, 'Deauthorized');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'SuspendedEVSE');
      });
      session.energyStarted = false;
    });
  },
});
