/** TC_E_33_CS: asked without a transactionId right after an offline period, the station says it has queued messages. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkQueuedMeterUpdates, energyTransferStarted, OFFLINE_RETRY, offlineWhileCharging, queuedEvents, SAMPLED_UPDATES, transactionStatus, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_33_CS',
  name: 'Check Transaction status - Without transactionId - with message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.07'],
  detects: ['transactionStatus.queueHidden', 'transactionStatus.wrongOngoing', 'offline.flagMissing'],
  configuration: [...SAMPLED_UPDATES, ...OFFLINE_RETRY],
  notes:
    'As TC_E_29_CS, with GetTransactionStatusRequest without transactionId: ongoingIndicator must be left out. The request goes out as ' +
    'soon as the station has connected again, before the harness answers any message of the station.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await offlineWhileCharging(session, { waitForFirstMessage: false });
      await transactionStatus(session, '3-4. harness asks for the transaction status without a transactionId', undefined, { messagesInQueue: true });
      const queued = await queuedEvents(session, '5-6. station sends its queued TransactionEventRequests');
      await ctx.step('5. checks of the queued events', () => checkQueuedMeterUpdates(session, queued));
    });
  },
});
