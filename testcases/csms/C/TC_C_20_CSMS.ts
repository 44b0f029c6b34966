/** TC_C_20_CSMS: the CSMS checks an idToken the station took from its authorization cache, and refuses one that is not valid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPreSession, idTokenOf, leaveIdle, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_20_CSMS',
  name: 'Authorization through authorization cache - Invalid',
  sut: 'CSMS',
  useCases: ['C12'],
  requirements: ['C12.FR.03'],
  detects: ['transaction.ignoresIdTokenStatus', 'transaction.requiresIdTokenAtStart'],
  notes:
    'The station authorized the invalid idToken from its (outdated) cache, so no AuthorizeRequest precedes the event; the ' +
    'transaction already started when the EV was plugged in (Before), so the Authorized event is eventType Updated.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evConnectedPreSession(ctx, tx);
    const invalid = idTokenOf(ctx.config.configured.idTokens.invalid);
    await sendAuthorized(ctx, '1-2. harness reports the cached invalid idToken as authorized (Authorized, Updated)', tx, invalid, { statuses: ['Invalid', 'Unknown'] });
    await leaveIdle(ctx, tx);
  },
});
