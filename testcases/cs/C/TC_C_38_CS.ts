/** TC_C_38_CS: with the authorization cache disabled, ClearCacheRequest is answered Rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { clearCache, setting } from '../states';

export default defineTestCase({
  id: 'TC_C_38_CS',
  name: 'Clear Authorization Data in Authorization Cache - Rejected',
  sut: 'CS',
  useCases: ['C11'],
  requirements: ['C11.FR.01', 'C11.FR.02', 'C11.FR.04'],
  detects: ['authCache.clearAlwaysAccepted'],
  configuration: [setting('AuthCacheCtrlr', 'Enabled', 'false')],
  notes:
    'The memory state IdTokenCached is not set up: the Before configuration disables the cache first, so nothing could be cached, and ' +
    'the answer Rejected does not depend on what the cache holds.',
  async run(ctx) {
    await clearCache(ctx, '1-2. harness sends ClearCacheRequest, station answers Rejected', 'Rejected');
  },
});
