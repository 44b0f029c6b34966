/** TC_E_43_CS: a whole transaction that took place offline is delivered afterwards, every event marked offline. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allOffline, ifImplemented, offlineTxForUnknownId, oneHas, queuedEvents, transactionEventsInQueueEnded, unknownIdsAllowedOffline, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_43_CS',
  name: 'Offline Behaviour - Transaction during offline period',
  sut: 'CS',
  useCases: ['E12'],
  requirements: ['E12.FR.01', 'E12.FR.02', 'E12.FR.06'],
  detects: ['offline.flagMissing', 'offline.notQueued'],
  configuration: [ifImplemented(offlineTxForUnknownId(true))],
  notes:
    'Errata 2024-06 6.2.13 / 2025-09 6.2.54: TransactionEventsInQueueEnded is a Before state; its Before configuration ' +
    '(OfflineTxForUnknownIdEnabled true, "if implemented") is the case\'s. Its optional memory states (token cached or in the local ' +
    'list) are not run: OfflineTxForUnknownIdEnabled lets the station authorize offline anyway. A station that does not have it on ' +
    'makes the case inconclusive, as only those memory states could then authorize the token. The queue is read until its Ended ' +
    'event (or the first event not marked offline).',
  async run(ctx) {
    await unknownIdsAllowedOffline(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach memory state TransactionEventsInQueueEnded', () => transactionEventsInQueueEnded(session));
      const queued = await queuedEvents(session, '1-2. station sends its queued TransactionEventRequests', (events) => events.some((e) => e.eventType === 'Ended'));
      await ctx.step('1. checks of the queued events', () => {
        allOffline(session, queued);
        oneHas(session, queued, 'Started');
        oneHas(session, queued, 'Ended');
      });
    });
  },
});
