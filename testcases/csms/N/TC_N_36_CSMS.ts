/** TC_N_36_CSMS: the CSMS asks for a log again while the first upload runs, and takes in the cancel of the first and the upload of the second. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logRequested, logStatusSent } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_36_CSMS',
  name: 'Retrieve Log Information - Second Request',
  sut: 'CSMS',
  useCases: ['N01'],
  requirements: [],
  detects: ['getLog.notSent', 'logStatus.refused'],
  notes: 'Part 6 has no tool validations here; the operator asks twice (driver action requestLog, DiagnosticsLog both times), and the CSMS must answer every LogStatusNotificationRequest of both uploads.',
  async run(ctx) {
    const first = await logRequested(ctx, '1-2. the CSMS sends GetLogRequest; harness accepts it', 'DiagnosticsLog', 'Accepted');
    await logStatusSent(ctx, '3-4. harness reports the first upload Uploading; the CSMS answers', 'Uploading', first.payload.requestId);
    const second = await logRequested(ctx, '5-6. the CSMS sends a second GetLogRequest; harness answers AcceptedCanceled', 'DiagnosticsLog', 'AcceptedCanceled');
    await logStatusSent(ctx, '7-8. harness reports the first upload AcceptedCanceled; the CSMS answers', 'AcceptedCanceled', first.payload.requestId);
    await logStatusSent(ctx, '9-10. harness reports the second upload Uploading; the CSMS answers', 'Uploading', second.payload.requestId);
    await logStatusSent(ctx, '11-12. harness reports the second upload Uploaded; the CSMS answers', 'Uploaded', second.payload.requestId);
  },
});
