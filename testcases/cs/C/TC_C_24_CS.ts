/** TC_C_24_CS: offline, a token the local list calls Expired must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_RETRY, offlineFromList, offlineListRefusal } from '../states';

export default defineTestCase({
  id: 'TC_C_24_CS',
  name: 'Offline authorization through local authorization list - Expired',
  sut: 'CS',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  detects: ['localList.statusIgnoredOffline'],
  configuration: [...offlineFromList(false), ...OFFLINE_RETRY],
  notes: 'The expired status is the one the list entry gives; an event for the token (beyond the EVDetected one and meter values) after the reconnection fails the case.',
  run: (ctx) => offlineListRefusal(ctx, ctx.config.configured.idTokens.expired, 'Expired'),
});
