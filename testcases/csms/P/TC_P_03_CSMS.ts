/** TC_P_03_CSMS: the CSMS handles station messages that carry customData. */
import { newTransactionId } from '../../../src/actors/ids';
import { defineTestCase } from '../../../src/engine/testcase';
import { customData } from '../../custom-data';

export default defineTestCase({
  id: 'TC_P_03_CSMS',
  name: 'CustomData - Receive custom data',
  sut: 'CSMS',
  useCases: [],
  requirements: [],
  detects: ['customData.refused'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering both requests with a schema-valid CALLRESULT. The ' +
    'TransactionEvent opens a transaction (eventType Started); afterwards the harness ends it so that the CSMS is left clean.',
  async run({ step, station, config }) {
    const data = customData(config);
    const evse = config.station.evses[0];
    const timestamp = () => new Date().toISOString();
    await step('1-2. harness sends StatusNotificationRequest with customData', () =>
      station.call('StatusNotification', { customData: data, timestamp: timestamp(), connectorStatus: 'Available', evseId: evse.id, connectorId: evse.connectors[0] }),
    );
    const transactionId = newTransactionId();
    await step('3-4. harness sends TransactionEventRequest with customData, also in transactionInfo', () =>
      station.call('TransactionEvent', {
        customData: data,
        eventType: 'Started',
        timestamp: timestamp(),
        triggerReason: 'CablePluggedIn',
        seqNo: 0,
        transactionInfo: { transactionId, chargingState: 'EVConnected', customData: data },
        evse: { id: evse.id, connectorId: evse.connectors[0] },
      }),
    );
    await step('Afterwards: harness ends the transaction it opened', () =>
      station.call('TransactionEvent', { eventType: 'Ended', timestamp: timestamp(), triggerReason: 'EVCommunicationLost', seqNo: 1, transactionInfo: { transactionId, stoppedReason: 'EVDisconnected' } }),
    );
  },
});
