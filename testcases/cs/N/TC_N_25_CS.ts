/** TC_N_25_CS: asked for its diagnostics log, a station accepts, names the file, uploads it to the log location and reports Uploading then Uploaded. */
import { defineTestCase } from '../../../src/engine/testcase';
import { logUploaded, newLogRequestId, requestLog, withLogLocation } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_25_CS',
  name: 'Retrieve Log Information - Diagnostics Log - Success',
  sut: 'CS',
  useCases: ['N01'],
  requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.04', 'N01.FR.07', 'N01.FR.08', 'N01.FR.09', 'N01.FR.13'],
  detects: ['logs.noFilename', 'logs.noUploadingStatus', 'logs.noRequestId', 'logs.uploadedWithoutFile'],
  notes:
    'The log location is <Configured log_location>, or (when none is configured) the harness\'s own receiver, which keeps every upload in the ' +
    'evidence with its size and SHA-256. When the harness serves the location it also checks that one file arrived there before the station ' +
    'reported Uploaded (N01.FR.02); with an external log server that check is left out.',
  async run(ctx) {
    const { step, check } = ctx;
    await withLogLocation(ctx, 'TC_N_25_CS', { kind: 'accept' }, async (where) => {
      const requestId = newLogRequestId();
      await step('1-2. harness asks for the DiagnosticsLog; the station accepts and names the file', async () => {
        const response = await requestLog(ctx, { requestId, logType: 'DiagnosticsLog', remoteLocation: where.location });
        check.equal('GetLogResponse.status', response.status, 'Accepted');
        check.that('GetLogResponse.filename', (response.filename ?? '') !== '', 'present and not empty', response.filename === undefined ? '(omitted)' : `"${response.filename}"`);
      });
      await logUploaded(ctx, where, requestId, { uploading: '3-4. station reports the upload started (Uploading)', uploaded: '5-6. station reports the log uploaded (Uploaded)' });
    });
  },
});
