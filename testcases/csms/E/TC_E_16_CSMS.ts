/** TC_E_16_CSMS: the CSMS refuses an invalid idToken in a TransactionEventRequest, and accepts the deauthorized end that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_16_CSMS',
  name: 'Stop transaction options - Deauthorized - Invalid idToken',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E01.FR.11', 'E01.FR.12'],
  detects: ['transaction.ignoresIdTokenStatus', 'transaction.endedUnanswered'],
  async run(ctx) {
    const tx = newTransaction(ctx.config, { token: ctx.config.configured.idTokens.invalid });
    await transactionEventStep(ctx, '1-2. harness starts a transaction authorized with the invalid idToken (Authorized, Started)', tx, { eventType: 'Started', triggerReason: 'Authorized', idToken: tx.idToken }, {
      statuses: ['Invalid', 'Unknown'],
    });
    await transactionEventStep(ctx, '3-4. harness ends the transaction as deauthorized (Deauthorized, stoppedReason DeAuthorized)', tx, {
      eventType: 'Ended',
      triggerReason: 'Deauthorized',
      stoppedReason: 'DeAuthorized',
    });
  },
});
