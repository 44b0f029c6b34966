/** TC_N_35_CSMS: the CSMS asks a station for its security log and takes in the upload's Uploading and Uploaded reports. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logRequested, logStatusSent } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_35_CSMS',
  name: 'Retrieve Log Information - Security Log - Success',
  sut: 'CSMS',
  useCases: ['N01'],
  requirements: [],
  detects: ['getLog.notSent', 'getLog.wrongLogType', 'logStatus.refused'],
  notes: 'As TC_N_25_CSMS, for the SecurityLog.',
  async run(ctx) {
    const getLog = await logRequested(ctx, '1-2. the CSMS sends GetLogRequest for the SecurityLog; harness accepts it', 'SecurityLog', 'Accepted');
    await logStatusSent(ctx, '3-4. harness reports Uploading; the CSMS answers', 'Uploading', getLog.payload.requestId);
    await logStatusSent(ctx, '5-6. harness reports Uploaded; the CSMS answers', 'Uploaded', getLog.payload.requestId);
  },
});
