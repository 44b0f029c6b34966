/** TC_C_08_CSMS: the CSMS checks an idToken the station took from its authorization cache, and accepts a valid one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, evConnectedPreSession, leaveIdle, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_08_CSMS',
  name: 'Authorization through authorization cache - Accepted',
  sut: 'CSMS',
  useCases: ['C12'],
  requirements: ['C12.FR.03'],
  detects: ['transaction.noIdTokenInfo', 'transaction.requiresIdTokenAtStart'],
  notes:
    'The station authorized the valid idToken from its cache, so no AuthorizeRequest precedes the event; the transaction ' +
    'already started when the EV was plugged in (Before), so the Authorized event is eventType Updated.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evConnectedPreSession(ctx, tx);
    await sendAuthorized(ctx, '1-2. harness reports the cached valid idToken as authorized (Authorized, Updated)', tx, tx.idToken, accepted());
    await leaveIdle(ctx, tx);
  },
});
