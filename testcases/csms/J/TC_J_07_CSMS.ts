/** TC_J_07_CSMS: the CSMS answers a transaction start that carries the Transaction.Begin reading of a known EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyReading, evConnectedPreSession, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_J_07_CSMS',
  name: 'Sampled Meter Values - EventType Started - EVSE known',
  sut: 'CSMS',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  detects: ['transaction.meterValuesUnanswered', 'transaction.requiresIdTokenAtStart'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await ctx.step('1. the EV is plugged in; the Started event carries the Transaction.Begin reading', () =>
      evConnectedPreSession(ctx, tx, { meterValue: [energyReading(0, new Date(), 'Transaction.Begin')] }),
    );
    await leaveIdle(ctx, tx);
  },
});
