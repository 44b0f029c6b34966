/** TC_E_21_CS: with TxStopPoint Authorized, RequestStopTransaction ends the transaction in one event with stoppedReason Remote. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_21_CS',
  name: 'Stop transaction options - StopAuthorized - Remote',
  sut: 'CS',
  useCases: ['E06', 'F03'],
  requirements: ['E06.FR.03', 'E06.FR.15', 'F03.FR.09'],
  detects: ['remoteStop.rejected', 'txStopPoint.ignored', 'transaction.wrongStoppedReason', 'remoteStop.noTrigger'],
  configuration: [txStopPoint('Authorized')],
  notes: 'TxStopPoint is set to Authorized alone.',
  async run(ctx) {
    const { step, check, csms } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await step('1-2. harness sends RequestStopTransactionRequest for the transaction', async () => {
        const response = await csms.call('RequestStopTransaction', { transactionId: session.transactionId ?? '' });
        check.equal('RequestStopTransactionResponse.status', response.status, 'Accepted');
      });
      await step('3-4. station ends the transaction', async () => {
        const event = await session.monitor.nextEvent('a TransactionEventRequest for the remote stop');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'RemoteStop');
        check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'Remote');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
      });
      Object.assign(session, { authorized: false, energyStarted: false, stoppedVia: 'remote' });
    });
  },
});
