/** TC_N_36_CS: a second GetLog during an upload cancels the first (AcceptedCanceled, reported for the first request) and the new log is uploaded. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkLogStatus, logUploaded, newLogRequestId, nextLogStatus, requestLog, withLogLocation } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_36_CS',
  name: 'Retrieve Log Information - Second Request',
  sut: 'CS',
  useCases: ['N01'],
  requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.03', 'N01.FR.07', 'N01.FR.08', 'N01.FR.09', 'N01.FR.12', 'N01.FR.13', 'N01.FR.20'],
  detects: ['logs.noCancel', 'logs.noRequestId', 'logs.noUploadingStatus'],
  notes:
    'To keep the first upload in progress, the harness\'s receiver takes upload bodies but holds back its answers until the second GetLogRequest ' +
    'has been answered; with an external <Configured log_location> the first upload must last long enough by itself. Following errata 2025-04 (6.2.97) the ' +
    'LogStatusNotification AcceptedCanceled may come before the GetLogResponse of step 6; its requestId must be that of the first request ' +
    '(N01.FR.07), those of steps 9 and 11 that of the second. <Configured logType> is configured.logType.',
  async run(ctx) {
    const { step, check, config } = ctx;
    const logType = config.configured.logType;
    await withLogLocation(ctx, 'TC_N_36_CS', { kind: 'holdUntilReleased' }, async (where) => {
      const firstId = newLogRequestId();
      const secondId = firstId + 1;
      const uploading = nextLogStatus(ctx, 'LogStatusNotificationRequest Uploading');
      await step(`1-2. harness asks for the ${logType}; the station accepts`, async () => {
        const response = await requestLog(ctx, { requestId: firstId, logType, remoteLocation: where.location });
        check.equal('GetLogResponse.status', response.status, 'Accepted');
      });
      await step('3-4. station reports the first upload started (Uploading)', async () => checkLogStatus(ctx, await uploading, ['Uploading'], firstId));
      const canceled = nextLogStatus(ctx, 'LogStatusNotificationRequest AcceptedCanceled');
      await step(`5-6. harness asks for the ${logType} again while the first upload runs; the station cancels it`, async () => {
        const response = await requestLog(ctx, { requestId: secondId, logType, remoteLocation: where.location });
        check.equal('GetLogResponse.status', response.status, 'AcceptedCanceled');
        where.receiver?.release();
      });
      await step('7-8. station reports the first upload canceled (AcceptedCanceled)', async () => checkLogStatus(ctx, await canceled, ['AcceptedCanceled'], firstId));
      await logUploaded(ctx, where, secondId, { uploading: '9-10. station reports the second upload started (Uploading)', uploaded: '11-12. station reports the second log uploaded (Uploaded)' });
    });
  },
});
