/** TC_K_51_CSMS: while a transaction charges, an external charging limit is released and the charging rate changes; the CSMS takes both. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, externalLimitCleared, leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_K_51_CSMS',
  name: 'Reset / release external charging limit - With ongoing transaction',
  sut: 'CSMS',
  useCases: ['K13'],
  requirements: [],
  detects: ['smartCharging.clearedLimitRefused'],
  notes: 'Reusable State EnergyTransferStarted first. The notification names the EVSE of the transaction.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await externalLimitCleared(ctx, '1-2. harness sends ClearedChargingLimitRequest (chargingLimitSource EMS); the CSMS answers');
    await transactionEventStep(ctx, '3-4. harness sends TransactionEventRequest (Updated, ChargingRateChanged); the CSMS answers', tx, { eventType: 'Updated', triggerReason: 'ChargingRateChanged' });
    await leaveIdle(ctx, tx);
  },
});
