/** TC_E_08_CSMS: the CSMS accepts a transaction that ends once the energy transfer stopped after a stop authorization. */
import { defineTestCase } from '../../../src/engine/testcase';
import { leaveIdle, newTransaction, stopAuthorized, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_08_CSMS',
  name: 'Stop transaction options - EnergyTransfer stopped - StopAuthorized',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.07'],
  detects: ['transaction.endedUnanswered', 'transaction.noIdTokenInfo'],
  notes: 'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await stopAuthorized(ctx, tx);
    await transactionEventStep(ctx, '1-2. harness ends the transaction as energy stops flowing (ChargingStateChanged, EVConnected, stoppedReason Local)', tx, {
      eventType: 'Ended',
      triggerReason: 'ChargingStateChanged',
      chargingState: 'EVConnected',
      stoppedReason: 'Local',
    });
    await leaveIdle(ctx, tx);
  },
});
