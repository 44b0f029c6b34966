/** TC_E_09_CSMS: the CSMS accepts a transaction that starts when the EV is plugged in, before anyone authorized. */
import { defineTestCase } from '../../../src/engine/testcase';
import { leaveIdle, newTransaction, reportConnector, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_09_CSMS',
  name: 'Start transaction options - EVConnected',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.02'],
  detects: ['transaction.requiresIdTokenAtStart'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await reportConnector(ctx, '1-2. harness reports the connector Occupied', tx.evse, 'Occupied');
    tx.evConnected = true;
    await transactionEventStep(ctx, '3-4. harness starts the transaction as the cable is plugged in (CablePluggedIn, EVConnected)', tx, {
      eventType: 'Started',
      triggerReason: 'CablePluggedIn',
      chargingState: 'EVConnected',
      withEvse: true,
    });
    await leaveIdle(ctx, tx);
  },
});
