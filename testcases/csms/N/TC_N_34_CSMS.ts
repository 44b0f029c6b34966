/** TC_N_34_CSMS: the CSMS asks a station for a log and copes with the station rejecting the request. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logRequested } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_34_CSMS',
  name: 'Retrieve Log Information - Rejected',
  sut: 'CSMS',
  useCases: ['N01'],
  requirements: [],
  detects: ['getLog.notSent'],
  notes: 'Part 6 has no tool validation here: the CSMS passes by sending a schema-valid GetLogRequest when asked (the harness asks for the DiagnosticsLog and checks that logType), which the harness rejects.',
  async run(ctx) {
    await logRequested(ctx, '1-2. the CSMS sends GetLogRequest; harness answers Rejected', 'DiagnosticsLog', 'Rejected');
  },
});
