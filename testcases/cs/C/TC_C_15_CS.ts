/** TC_C_15_CS: a cached idToken authorized offline, then called Invalid by the CSMS, keeps charging when StopTxOnInvalidId is false and MaxEnergyOnInvalidId allows it. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { OFFLINE_RETRY, cachedTokenUsedOffline, evConnectedPreSession, nothingReported, offlineFromCache, onInvalidId, validTokenCached, withSession, type TransactionEventCall } from '../states';

/** What step 3 rules out (StopTxOnInvalidId false, MaxEnergyOnInvalidId not reached), described; undefined for any other event. */
function stopsTheEnergy(event: TransactionEventRequest): string | undefined {
  if (event.triggerReason === 'Deauthorized') return 'the station deauthorized the transaction although StopTxOnInvalidId is false';
  if (event.triggerReason === 'ChargingStateChanged' && event.transactionInfo.chargingState === 'SuspendedEVSE') return 'the station suspended the energy although MaxEnergyOnInvalidId has not been reached';
  return undefined;
}

export default defineTestCase({
  id: 'TC_C_15_CS',
  name: 'Authorization through authorization cache - StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['offline.flagMissing', 'offline.notQueued'],
  configuration: [...offlineFromCache(true), ...onInvalidId(false, 10_000), ...OFFLINE_RETRY],
  notes:
    'Part 6 variables without a component are AuthCtrlr.LocalAuthorizeOffline / OfflineTxForUnknownIdEnabled and TxCtrlr.StopTxOnInvalidId / ' +
    'MaxEnergyOnInvalidId (10000 Wh). The memory state puts the valid idToken in the cache (a local list is not set up: this is the ' +
    'cache case). The harness refuses reconnects while offline by answering each attempt HTTP 503, so one attempt after step 2 may ' +
    'still be refused. The post scenario validation (only MaxEnergyOnInvalidId delivered) is checked as far as a case can: after the ' +
    'queue the station neither deauthorizes nor suspends the energy for the run\'s message timeout; 10000 Wh are not reached meanwhile.',
  async run(ctx) {
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      const queued = await cachedTokenUsedOffline(session);
      await ctx.step('3. the queued TransactionEventRequests neither deauthorize nor suspend the energy', () => {
        for (const event of queued) {
          const problem = stopsTheEnergy(event);
          ctx.check.that(`queued TransactionEventRequest (seqNo ${event.seqNo}, ${event.triggerReason})`, problem === undefined, 'not Deauthorized, not ChargingStateChanged to SuspendedEVSE', problem ?? 'neither');
        }
      });
      await nothingReported(session, '3. no TransactionEventRequest with triggerReason Deauthorized, nor one that suspends the energy (SuspendedEVSE)', (call) =>
        call.action === 'TransactionEvent' ? stopsTheEnergy((call as TransactionEventCall).payload) : undefined,
      );
    });
  },
});
