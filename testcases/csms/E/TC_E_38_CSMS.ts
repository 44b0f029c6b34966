/** TC_E_38_CSMS: the CSMS accepts a station reporting that the plugged-in EV is not ready to take energy yet (SuspendedEV). */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, evConnectedPreSession, leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_38_CSMS',
  name: 'Local start transaction - EV not ready',
  sut: 'CSMS',
  useCases: ['E03'],
  requirements: [],
  detects: ['transaction.noIdTokenInfo'],
  notes:
    'Part 6 has no tool validations for the main steps: the CSMS passes by answering every request with a schema-valid ' +
    'CALLRESULT; the validations of the Authorized state (Before) still apply.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorized(ctx, tx);
    await ctx.step('1. the EV is plugged in', () => evConnectedPreSession(ctx, tx));
    await transactionEventStep(ctx, '2-3. harness reports that the EV is not ready (ChargingStateChanged, SuspendedEV)', tx, {
      eventType: 'Updated',
      triggerReason: 'ChargingStateChanged',
      chargingState: 'SuspendedEV',
    });
    await leaveIdle(ctx, tx);
  },
});
