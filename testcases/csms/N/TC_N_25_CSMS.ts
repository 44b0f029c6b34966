/** TC_N_25_CSMS: the CSMS asks a station for its diagnostics log and takes in the upload's Uploading and Uploaded reports. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logRequested, logStatusSent } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_25_CSMS',
  name: 'Retrieve Log Information - Diagnostics Log - Success',
  sut: 'CSMS',
  useCases: ['N01'],
  requirements: [],
  detects: ['getLog.notSent', 'logStatus.refused'],
  notes: 'The operator request is a driver action (requestLog). The harness does not upload a file: it reports the upload stages with the requestId of the GetLogRequest, and the CSMS must answer each.',
  async run(ctx) {
    const getLog = await logRequested(ctx, '1-2. the CSMS sends GetLogRequest for the DiagnosticsLog; harness accepts it', 'DiagnosticsLog', 'Accepted');
    await logStatusSent(ctx, '3-4. harness reports Uploading; the CSMS answers', 'Uploading', getLog.payload.requestId);
    await logStatusSent(ctx, '5-6. harness reports Uploaded; the CSMS answers', 'Uploaded', getLog.payload.requestId);
  },
});
