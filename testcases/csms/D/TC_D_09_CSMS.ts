/** TC_D_09_CSMS: the CSMS can ask a station for its local list version and copes with a station that has no list. */
import { defineTestCase } from '../../../src/engine/testcase';
import { localListVersionAsked } from '../states';

export default defineTestCase({
  id: 'TC_D_09_CSMS',
  name: 'Get Local List Version - No list available',
  sut: 'CSMS',
  useCases: ['D02'],
  requirements: [],
  detects: ['localList.versionNotRequested'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by sending a schema-valid GetLocalListVersionRequest when asked through the driver.',
  async run(ctx) {
    await localListVersionAsked(ctx, '1-2. the CSMS asks for the list version; harness answers 0 (no list installed)', 0);
  },
});
