/** TC_F_13_CSMS: during a transaction the CSMS asks for the transaction event of one EVSE and takes the triggered event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers, energyTransferStarted, leaveIdle, newTransaction, transactionEventStep, triggeredReading } from '../states';

export default defineTestCase({
  id: 'TC_F_13_CSMS',
  name: 'Trigger message - TransactionEvent - Specific EVSE',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  detects: ['trigger.evseDropped', 'trigger.notSent', 'transaction.meterValuesUnanswered'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await csmsTriggers(ctx, 'TransactionEvent', { evseId: tx.evse.id });
    await transactionEventStep(ctx, '3-4. harness sends TransactionEventRequest (Trigger, Charging, reading with context Trigger) for the EVSE; the CSMS answers', tx, {
      eventType: 'Updated',
      triggerReason: 'Trigger',
      chargingState: 'Charging',
      withEvse: true,
      meterValue: [triggeredReading()],
    });
    await leaveIdle(ctx, tx);
  },
});
