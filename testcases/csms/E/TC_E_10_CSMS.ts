/** TC_E_10_CSMS: the CSMS accepts a transaction that starts as soon as the driver is authorized at the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeStep, leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_10_CSMS',
  name: 'Start transaction options - Authorized - Local',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.03'],
  detects: ['transaction.noIdTokenInfo'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the valid idToken', tx.idToken, accepted());
    await transactionEventStep(ctx, '3-4. harness starts the transaction on the authorization (Authorized, Started) with the idToken', tx, {
      eventType: 'Started',
      triggerReason: 'Authorized',
      idToken: tx.idToken,
    }, accepted());
    await leaveIdle(ctx, tx);
  },
});
