/** TC_E_21_CSMS: the CSMS stops an ongoing transaction remotely, naming the transaction the station reported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsSendsAfter, energyTransferStarted, leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_21_CSMS',
  name: 'Stop transaction options - StopAuthorized - Remote',
  sut: 'CSMS',
  useCases: ['E06', 'F03'],
  requirements: ['E06.FR.03', 'F03.FR.01', 'F03.FR.09', 'F03.FR.10'],
  detects: ['remoteStop.wrongTransactionId', 'transaction.endedUnanswered'],
  async run(ctx) {
    const { step, check, config } = ctx;
    const tx = newTransaction(config);
    await energyTransferStarted(ctx, tx);
    await step('1-2. the CSMS, asked to stop the transaction, sends RequestStopTransactionRequest; harness accepts it', async () => {
      const { payload: request } = await csmsSendsAfter(ctx, { kind: 'remoteStopTransaction', stationId: config.station.id, transactionId: tx.transactionId }, 'RequestStopTransaction', (call) =>
        call.respond({ status: 'Accepted' }),
      );
      check.equal('RequestStopTransactionRequest.transactionId', request.transactionId, tx.transactionId);
    });
    await transactionEventStep(ctx, '3-4. harness ends the transaction as stopped remotely (RemoteStop, stoppedReason Remote)', tx, {
      eventType: 'Ended',
      triggerReason: 'RemoteStop',
      stoppedReason: 'Remote',
    });
    await leaveIdle(ctx, tx);
  },
});
