/** TC_E_02_CS: with TxStartPoint EnergyTransfer, the transaction starts when energy flows, naming the token, EVSE and connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectEv, connectorReported, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_02_CS',
  name: 'Start transaction options - EnergyTransfer',
  sut: 'CS',
  useCases: ['E01'],
  requirements: ['E01.FR.06', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  detects: ['txStartPoint.ignored', 'transaction.noStartedEvent', 'connector.noOccupiedStatus', 'transaction.noChargingStart'],
  configuration: [txStartPoint('EnergyTransfer')],
  notes: 'TxStartPoint is set to EnergyTransfer alone. The Before state Authorized uses configured.startTransactionVia, which also decides the expected triggerReason of step 3.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state Authorized', () => authorized(session));
      await connectEv(session);
      await connectorReported(session, 'Occupied', '1-2. station reports the connector Occupied');
      await step('3-4. station starts the transaction as the energy starts to flow', async () => {
        const event = await session.monitor.nextEvent('the TransactionEventRequest that starts the transaction');
        const token = config.configured.idTokens.valid;
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Started');
        if (session.authorizedVia === 'remote') check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'RemoteStart');
        else check.oneOf('TransactionEventRequest.triggerReason', event.triggerReason, ['ChargingStateChanged', 'Authorized']);
        check.equal('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, token.idToken);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, token.type);
        check.that('TransactionEventRequest.evse', event.evse !== undefined, 'provided', JSON.stringify(event.evse));
        check.that('TransactionEventRequest.evse.connectorId', event.evse?.connectorId !== undefined, 'provided', String(event.evse?.connectorId));
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
      });
      session.energyStarted = true;
    });
  },
});
