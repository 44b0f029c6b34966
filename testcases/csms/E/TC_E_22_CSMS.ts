/** TC_E_22_CSMS: the CSMS accepts a transaction that ends because the EV stopped taking energy (SuspendedEV, StoppedByEV). */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_22_CSMS',
  name: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.07'],
  detects: ['transaction.endedUnanswered'],
  notes: 'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await transactionEventStep(ctx, '1-2. harness ends the transaction as the EV stops taking energy (ChargingStateChanged, SuspendedEV, stoppedReason StoppedByEV)', tx, {
      eventType: 'Ended',
      triggerReason: 'ChargingStateChanged',
      chargingState: 'SuspendedEV',
      stoppedReason: 'StoppedByEV',
    });
    await leaveIdle(ctx, tx);
  },
});
