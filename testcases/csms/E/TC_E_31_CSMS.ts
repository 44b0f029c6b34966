/** TC_E_31_CSMS: the CSMS asks about a transaction that ended with events missing, and takes the missing events afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import { dropConnectionAndReturn, energyTransferStarted, newTransaction, reportConnectorStatus, transactionEventStep, transactionStatusAsked } from '../states';

export default defineTestCase({
  id: 'TC_E_31_CSMS',
  name: 'Check Transaction status - Transaction with id ended - with message in queue',
  sut: 'CSMS',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.04'],
  detects: ['transactionStatus.dropsTransactionId', 'transaction.rejectsEventsAfterEnded', 'transaction.rejectsOfflineEvents'],
  notes:
    'Part 6 names no trigger for the GetTransactionStatusRequest: the harness asks the CSMS side for it through the driver ' +
    'after the Ended event. Part 6 lists the transactionId validation under step 5; it concerns the request of step 7. The two ' +
    'events delivered last happened (and carry timestamps) before the Ended one; only their delivery is late. Step 3 names ' +
    'only a StatusNotificationRequest, so no NotifyEventRequest goes with it here.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const offlineSince = await dropConnectionAndReturn(ctx);
    const [stopSeqNo, unplugSeqNo] = tx.skipSeqNos(2);
    const offlineMs = Date.now() - offlineSince.getTime();
    const at = (fraction: number) => new Date(offlineSince.getTime() + fraction * offlineMs);
    await reportConnectorStatus(ctx, '3-4. harness sends StatusNotificationRequest: the connector is Available', tx.evse, 'Available');
    await transactionEventStep(ctx, '5-6. harness delivers the Ended event first, two seqNos after the last one sent (EVCommunicationLost, Idle, offline)', tx, {
      eventType: 'Ended',
      triggerReason: 'EVCommunicationLost',
      chargingState: 'Idle',
      stoppedReason: 'EVDisconnected',
      offline: true,
      timestamp: at(0.75),
    });
    await transactionStatusAsked(ctx, '7-8. the CSMS asks about the transaction; harness answers ended, with messages queued', tx.transactionId, { ongoingIndicator: false, messagesInQueue: true });
    await transactionEventStep(ctx, '9-10. harness delivers the first skipped event (StopAuthorized, offline)', tx, {
      eventType: 'Updated',
      triggerReason: 'StopAuthorized',
      offline: true,
      seqNo: stopSeqNo,
      timestamp: at(0.25),
    });
    await transactionEventStep(ctx, '11-12. harness delivers the second skipped event (ChargingStateChanged, EVConnected, offline)', tx, {
      eventType: 'Updated',
      triggerReason: 'ChargingStateChanged',
      chargingState: 'EVConnected',
      offline: true,
      seqNo: unplugSeqNo,
      timestamp: at(0.5),
    });
  },
});
