/** TC_C_23_CS: offline, a token the local list calls Blocked must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_RETRY, offlineFromList, offlineListRefusal } from '../states';

export default defineTestCase({
  id: 'TC_C_23_CS',
  name: 'Offline authorization through local authorization list - Blocked',
  sut: 'CS',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  detects: ['localList.statusIgnoredOffline'],
  configuration: [...offlineFromList(false), ...OFFLINE_RETRY],
  notes: 'Besides the EVDetected event Part 6 validates, any other TransactionEventRequest after the reconnection (meter values aside) shows the blocked token was accepted.',
  run: (ctx) => offlineListRefusal(ctx, ctx.config.configured.idTokens.blocked, 'Blocked'),
});
