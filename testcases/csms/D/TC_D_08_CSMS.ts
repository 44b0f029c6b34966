/** TC_D_08_CSMS: the CSMS can ask a station for the version of its local authorization list. */
import { defineTestCase } from '../../../src/engine/testcase';
import { localListVersionAsked } from '../states';

export default defineTestCase({
  id: 'TC_D_08_CSMS',
  name: 'Get Local List Version - Success',
  sut: 'CSMS',
  useCases: ['D02'],
  requirements: [],
  detects: ['localList.versionNotRequested'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by sending a schema-valid GetLocalListVersionRequest when asked through the driver.',
  async run(ctx) {
    const version = ctx.config.configured.localListVersion;
    await localListVersionAsked(ctx, `1-2. the CSMS asks for the list version; harness answers <Configured versionNumber> (${version})`, version);
  },
});
