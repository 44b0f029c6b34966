/** TC_C_38_CSMS: the CSMS can ask a station to clear its authorization cache, and copes with a refusal. */
import { defineTestCase } from '../../../src/engine/testcase';
import { cacheClearRequested } from '../states';

export default defineTestCase({
  id: 'TC_C_38_CSMS',
  name: 'Clear Authorization Data in Authorization Cache - Rejected',
  sut: 'CSMS',
  useCases: ['C11'],
  requirements: [],
  detects: ['clearCache.notSent'],
  notes: 'Part 6 names no trigger and no tool validations: the harness asks the CSMS side through the driver, and the CSMS passes by sending a schema-valid ClearCacheRequest.',
  async run(ctx) {
    await cacheClearRequested(ctx, '1-2. the CSMS sends ClearCacheRequest; harness rejects it', 'Rejected');
  },
});
