/** TC_M_25_CS: after a V2G certificate renewal the station asks for the OCSP status of its new chain, and copes with Failed answers. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateStatusRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_25_CS',
  name: 'Get Charging Station Certificate status - Rejected',
  sut: 'CS',
  useCases: ['M06'],
  requirements: ['M06.FR.04'],
  detects: ['certificates.noStatusRequest'],
  notes: 'Part 6 lists no tool validation; the station must ask (for the leaf and, errata 2025-09, each sub-CA) and stay connected after the Failed answers, without ocspResult.',
  async run(ctx) {
    await certificateStatusRequested(ctx, () => ({ status: 'Failed' }));
  },
});
