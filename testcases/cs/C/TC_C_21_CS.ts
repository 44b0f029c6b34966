/** TC_C_21_CS: offline, the station authorizes a token its local list accepts; back online it delivers the queued events marked offline and then the stop. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { evConnectedPostSession, evDisconnected, listEntry, offlineFromList, parkingBayUnoccupied, startOfflineTransaction, withLocalList, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_21_CS',
  name: 'Offline authorization through local authorization list - Accepted',
  sut: 'CS',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  detects: ['localList.notUsedOffline', 'offline.flagMissing'],
  configuration: offlineFromList(false),
  notes:
    'The stop token is presented after StartOfflineTransaction has let the station back, so the events it queued while offline ' +
    'come first (offline true) and the StopAuthorized event after them. Unplugging and leaving the bay run as the states ' +
    'EVConnectedPostSession (the chargingState report of the stop, when it is a separate event), EVDisconnected and ' +
    'ParkingBayUnoccupied. The harness answers every token Accepted as the configured tokens say.',
  async run(ctx) {
    const { check, config } = ctx;
    await withLocalList(ctx, [listEntry(config.configured.idTokens.valid)], () =>
      withSession(ctx, async (session) => {
        const { monitor, evse, idToken } = session;
        // Counted before the state: the station's first message on the new connection may already be a queued event.
        const seen = monitor.events.length;
        await ctx.step('Before: reach state StartOfflineTransaction', () => startOfflineTransaction(session));
        await session.act(`Manual action: present the idToken '${idToken.idToken}' again to stop`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
        await ctx.step('1-2. station empties its queue (events marked offline), then reports the stop with triggerReason StopAuthorized', async () => {
          let stop: TransactionEventRequest | undefined;
          while (!stop) {
            const event = await monitor.nextEvent('the queued TransactionEventRequests and one with triggerReason StopAuthorized', { acrossReconnect: true });
            if (event.triggerReason === 'StopAuthorized') stop = event;
          }
          check.equal('TransactionEventRequest.triggerReason', stop.triggerReason, 'StopAuthorized');
          const before = monitor.events.slice(seen).map((c) => c.payload).filter((e) => e !== stop);
          for (const event of before) check.equal(`TransactionEventRequest before the stop (seqNo ${event.seqNo}, ${event.triggerReason}).offline`, event.offline, true);
          check.that('TransactionEventRequests queued while offline', before.length > 0, 'at least one, for the offline authorization', String(before.length));
          session.evConnectedReported = stop.transactionInfo.chargingState === 'EVConnected';
        });
        Object.assign(session, { authorized: false, energyStarted: false, stoppedVia: 'local' });
        await evConnectedPostSession(session);
        await ctx.step('Manual action: unplug the cable (EVDisconnected)', () => evDisconnected(session));
        await ctx.step('3. Manual action: drive out of the parking bay (ParkingBayUnoccupied)', () => parkingBayUnoccupied(session));
      }),
    );
  },
});
