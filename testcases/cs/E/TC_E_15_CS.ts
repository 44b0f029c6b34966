/** TC_E_15_CS: with TxStopPoint Authorized, presenting the token again ends the transaction in one event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargeForTransactionDuration, energyTransferStarted, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_15_CS',
  name: 'Stop transaction options - StopAuthorized - Local',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.03', 'E06.FR.15'],
  detects: ['txStopPoint.ignored', 'auth.stopTokenIgnored', 'transaction.wrongStoppedReason'],
  configuration: [txStopPoint('Authorized')],
  notes: 'TxStopPoint is set to Authorized alone. Part 6 wants the stop reported and the transaction ended by one TransactionEventRequest (E07 main scenario).',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      const { monitor, idToken, evse } = session;
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await chargeForTransactionDuration(session);
      await session.act(`Manual action: present the idToken '${idToken.idToken}' to stop charging`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
      await step('1-2. station ends the transaction for the stop authorization', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the stop');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'StopAuthorized');
        check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'Local');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
      });
      Object.assign(session, { authorized: false, energyStarted: false, stoppedVia: 'local' });
    });
  },
});
