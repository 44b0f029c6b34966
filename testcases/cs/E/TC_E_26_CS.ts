/** TC_E_26_CS: with StopTxOnEVSideDisconnect false, the EV-side disconnect only suspends the transaction and charging resumes when the EV is back. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorReported, energyTransferSuspended, evSideDisconnected, setting, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_26_CS',
  name: 'Disconnect cable on EV-side - Suspend transaction',
  sut: 'CS',
  useCases: ['E10'],
  requirements: ['E10.FR.01', 'E10.FR.03'],
  detects: ['evSideDisconnect.ignored', 'txStopPoint.ignored'],
  configuration: [txStopPoint('Authorized'), setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'false'), setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'false')],
  notes:
    'TxStopPoint is set to Authorized (Part 6: Authorized and/or ParkingBayOccupancy). Step 3 (connector Available) is expected only with a ' +
    'permanently attached cable (Connector.ConnectorType c…). The EV reconnected at its side is ready to take energy again.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      const { evse, monitor } = session;
      const fixed = await session.fixedCable();
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station suspends the transaction for the EV lost at its side', { eventType: 'Updated' });
      if (fixed) await connectorReported(session, 'Available', '3-4. station reports the connector Available');
      await session.act('Manual action: plug the cable back into the EV', { kind: 'plugIn', side: 'ev', ...evse });
      session.evConnected = true;
      monitor.pendingEvse = evse; // §2.1: the first event after connecting names the EVSE and connector
      await step('5-6. station reports the EV connected again', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the reconnected EV');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'CablePluggedIn');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Updated');
      });
      await step('7-8. station reports that charging resumed', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the resumed charging');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
        check.equal('TransactionEventRequest.eventType', event.eventType, 'Updated');
      });
      session.energyStarted = true;
    });
  },
});
