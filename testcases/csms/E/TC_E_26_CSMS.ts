/** TC_E_26_CSMS: the CSMS keeps a transaction going when the EV-side cable is pulled and plugged in again (suspend, not stop). */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferSuspended, leaveIdle, newTransaction, reportCharging, reportConnector, sendEvCommunicationLost, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_26_CSMS',
  name: 'Disconnect cable on EV-side - Suspend transaction',
  sut: 'CSMS',
  useCases: ['E10'],
  requirements: ['E10.FR.01'],
  detects: ['transaction.noIdTokenInfo'],
  notes:
    'Part 6 has no tool validations for the main steps: the CSMS passes by answering every request with a schema-valid ' +
    'CALLRESULT; the validations of the states in Before still apply.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferSuspended(ctx, tx);
    await sendEvCommunicationLost(ctx, '1-2. harness reports the cable pulled on the EV side, the transaction going on (EVCommunicationLost, Idle, Updated)', tx, { endsTransaction: false });
    await reportConnector(ctx, '3-4. harness reports the connector Available', tx.evse, 'Available');
    await transactionEventStep(ctx, '5-6. harness reports the cable plugged in again (CablePluggedIn, EVConnected)', tx, {
      eventType: 'Updated',
      triggerReason: 'CablePluggedIn',
      chargingState: 'EVConnected',
    });
    await reportCharging(ctx, '7-8. harness reports that energy flows again (ChargingStateChanged, Charging)', tx);
    await leaveIdle(ctx, tx);
  },
});
