/** TC_E_29_CS: back from offline, the station says its ongoing transaction has queued messages, then sends them marked offline. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkQueuedMeterUpdates, energyTransferStarted, OFFLINE_RETRY, offlineWhileCharging, queuedEvents, SAMPLED_UPDATES, transactionStatus, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_29_CS',
  name: 'Check Transaction status - Transaction with id ongoing - with message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.04'],
  detects: ['transactionStatus.queueHidden', 'offline.flagMissing', 'offline.notQueued'],
  configuration: [...SAMPLED_UPDATES, ...OFFLINE_RETRY],
  notes:
    'The harness sends GetTransactionStatusRequest as soon as the station has connected again, before it answers any message of the ' +
    'station (which waits meanwhile, so its queue is still full). Step 5 checks the first event from the queue ' +
    'and every following one marked offline (the queue ends at the first event without offline true).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const transactionId = session.transactionId;
      await offlineWhileCharging(session, { waitForFirstMessage: false });
      await transactionStatus(session, '3-4. harness asks for the status of the ongoing transaction', transactionId, { ongoingIndicator: true, messagesInQueue: true });
      const queued = await queuedEvents(session, '5-6. station sends its queued TransactionEventRequests');
      await ctx.step('5. checks of the queued events', () => checkQueuedMeterUpdates(session, queued));
    });
  },
});
