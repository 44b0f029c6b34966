/** TC_N_35_CS: asked for its security log, a station accepts, uploads it to the log location and reports Uploading then Uploaded. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logUploaded, newLogRequestId, requestLog, withLogLocation } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_35_CS',
  name: 'Retrieve Log Information - Security Log - Success',
  sut: 'CS',
  useCases: ['N01'],
  requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.03', 'N01.FR.07', 'N01.FR.08', 'N01.FR.09', 'N01.FR.13'],
  detects: ['logs.securityLogRejected', 'logs.noUploadingStatus', 'logs.noRequestId', 'logs.uploadedWithoutFile'],
  notes:
    'Part 6 validates only the status of the GetLogResponse here (no filename check as in TC_N_25_CS). The log location is as in TC_N_25_CS; ' +
    'when the harness serves it, the uploaded file must have arrived before Uploaded (N01.FR.02).',
  async run(ctx) {
    const { step, check } = ctx;
    await withLogLocation(ctx, 'TC_N_35_CS', { kind: 'accept' }, async (where) => {
      const requestId = newLogRequestId();
      await step('1-2. harness asks for the SecurityLog; the station accepts', async () => {
        const response = await requestLog(ctx, { requestId, logType: 'SecurityLog', remoteLocation: where.location });
        check.equal('GetLogResponse.status', response.status, 'Accepted');
      });
      await logUploaded(ctx, where, requestId, { uploading: '3-4. station reports the upload started (Uploading)', uploaded: '5-6. station reports the log uploaded (Uploaded)' });
    });
  },
});
