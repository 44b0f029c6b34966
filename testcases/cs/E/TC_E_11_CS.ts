/** TC_E_11_CS: with TxStartPoint DataSigned, the transaction starts with signed Transaction.Begin meter data. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, connectEv, connectorReported, setting, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_11_CS',
  name: 'Start transaction options - DataSigned',
  sut: 'CS',
  useCases: ['E01'],
  requirements: ['E01.FR.04', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  detects: ['txStartPoint.ignored', 'meterValues.unsigned', 'meterValues.noTxBegin'],
  configuration: [txStartPoint('DataSigned'), setting('SampledDataCtrlr', 'SignReadings', 'true')],
  notes: 'TxStartPoint is set to DataSigned alone. Every sampledValue with context Transaction.Begin in the Started event must carry the four signedMeterValue fields.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSession(ctx, async (session) => {
      const { monitor } = session;
      await step('Before: reach state Authorized', () => authorized(session));
      await connectEv(session);
      await connectorReported(session, 'Occupied', '1-2. station reports the connector Occupied');
      await step('3-4. station starts the transaction with signed meter data', async () => {
        const event = await monitor.nextEvent('the TransactionEventRequest that starts the transaction');
        const token = config.configured.idTokens.valid;
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Started');
        check.oneOf('TransactionEventRequest.triggerReason', event.triggerReason, session.authorizedVia === 'remote' ? ['RemoteStart', 'SignedDataReceived'] : ['SignedDataReceived']);
        check.equal('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, token.idToken);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, token.type);
        check.that('TransactionEventRequest.evse', event.evse !== undefined, 'provided', JSON.stringify(event.evse));
        check.that('TransactionEventRequest.evse.connectorId', event.evse?.connectorId !== undefined, 'provided', String(event.evse?.connectorId));
        const begin = (event.meterValue ?? []).flatMap((m) => m.sampledValue).filter((v) => v.context === 'Transaction.Begin');
        check.that('TransactionEventRequest.meterValue: sampledValue with context Transaction.Begin', begin.length > 0, 'at least one', String(begin.length));
        for (const field of ['encodingMethod', 'publicKey', 'signedMeterData', 'signingMethod'] as const) {
          const missing = begin.filter((v) => v.signedMeterValue?.[field] === undefined).length;
          check.equal(`Transaction.Begin sampledValues without signedMeterValue.${field}`, missing, 0);
        }
      });
      await step('5-6. station reports that charging started', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the start of charging');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Updated');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
      });
      session.energyStarted = true;
    });
  },
});
