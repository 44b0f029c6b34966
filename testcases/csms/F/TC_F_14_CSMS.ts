/** TC_F_14_CSMS: during transactions the CSMS asks for transaction events without naming an EVSE and takes one triggered event per EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers, energyTransferStarted, leaveIdle, newTransaction, otherEvses, transactionEventStep, triggeredReading } from '../states';

export default defineTestCase({
  id: 'TC_F_14_CSMS',
  name: 'Trigger message - TransactionEvent - All EVSE',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  detects: ['trigger.notSent', 'transaction.meterValuesUnanswered'],
  notes:
    'Step 3 is repeated for every EVSE, so the harness charges on each configured EVSE (the configured one with <Configured ' +
    'valid_idtoken>, the others with valid_idtoken2) and sends one triggered event per transaction, with evse omitted as Part 6 gives it.',
  async run(ctx) {
    const { config } = ctx;
    const transactions = [newTransaction(config), ...otherEvses(config).map((evse) => newTransaction(config, { evse, token: config.configured.idTokens.valid2 }))];
    for (const tx of transactions) await ctx.step(`Before: EnergyTransferStarted on EVSE ${tx.evse.id}`, () => energyTransferStarted(ctx, tx));
    await csmsTriggers(ctx, 'TransactionEvent', {});
    for (const tx of transactions) {
      await transactionEventStep(ctx, `3-4. harness sends TransactionEventRequest (Trigger, Charging, reading with context Trigger) for the transaction on EVSE ${tx.evse.id}; the CSMS answers`, tx, {
        eventType: 'Updated',
        triggerReason: 'Trigger',
        chargingState: 'Charging',
        meterValue: [triggeredReading()],
      });
    }
    await leaveIdle(ctx, ...transactions);
  },
});
