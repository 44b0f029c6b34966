/** TC_N_26_CS: a station whose log upload keeps failing retries as often and as far apart as asked, then reports the failure. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { UploadLogStatusEnumType } from '../../../src/ocpp/generated/definitions';
import { checkLogStatus, newLogRequestId, nextLogStatus, requestLog, withLogLocation } from '../states/logs';

/** The statuses N01.FR.10 allows for a failed upload. */
const FAILURES: readonly UploadLogStatusEnumType[] = ['UploadFailure', 'BadMessage', 'PermissionDenied', 'NotSupportedOperation'];
const RETRIES = 3;

export default defineTestCase({
  id: 'TC_N_26_CS',
  name: 'Retrieve Log Information - Diagnostics Log - Upload failed',
  sut: 'CS',
  useCases: ['N01'],
  requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.04', 'N01.FR.07', 'N01.FR.08', 'N01.FR.10', 'N01.FR.13'],
  detects: ['logs.noUploadingStatus', 'logs.noRequestId', 'logs.failureReportedAsUploaded', 'logs.retriesIgnored'],
  notes:
    'Follows errata 2025-01 (6.2.93): the upload goes to a location whose path does not exist (configured.logLocationMissing, or a missing path ' +
    'on the harness\'s receiver, which answers 404), Uploading and the failure status may each come once or once per attempt (1 or 4 times), and ' +
    'the harness listens for at least 3 x <Configured retryInterval> after the first Uploading. The time from the first Uploading to the last ' +
    'failure status must be 3 x retryInterval, within a tolerance of 10 % or 1 s, whichever is larger.',
  async run(ctx) {
    const { step, check, config } = ctx;
    const interval = config.configured.logRetryInterval;
    await withLogLocation(ctx, 'TC_N_26_CS', { kind: 'accept' }, async (where) => {
      const requestId = newLogRequestId();
      const first = nextLogStatus(ctx, 'LogStatusNotificationRequest Uploading');
      await step(`1-2. harness asks for the DiagnosticsLog at a location that does not exist, retries ${RETRIES}, retryInterval ${interval} s`, async () => {
        const response = await requestLog(ctx, { requestId, logType: 'DiagnosticsLog', remoteLocation: where.missingLocation, retries: RETRIES, retryInterval: interval });
        check.equal('GetLogResponse.status', response.status, 'Accepted');
      });
      const uploading = await step('3-4. station reports the first upload attempt (Uploading)', async () => {
        const call = await first;
        checkLogStatus(ctx, call, ['Uploading'], requestId);
        return { call, at: Date.now() };
      });
      const windowMs = 3 * interval * 1000;
      const later: { call: IncomingCall<'LogStatusNotification'>; at: number }[] = [];
      await step(`5-6. station retries and reports the failure; the harness listens for ${3 * interval} s (3 x retryInterval, Part 6) and the message timeout after`, async () => {
        const deadline = uploading.at + windowMs + config.timeouts.messageMs;
        for (;;) {
          const last = later[later.length - 1];
          if (last && FAILURES.includes(last.call.payload.status) && last.at - uploading.at >= windowMs * 0.9) break;
          const left = deadline - Date.now();
          if (left <= 0) break;
          const call = await nextLogStatus(ctx, 'LogStatusNotificationRequest', left).catch(() => undefined);
          if (!call) break;
          later.push({ call, at: Date.now() });
        }
        const all = [uploading, ...later];
        all.forEach(({ call }, i) => check.equal(`LogStatusNotificationRequest ${i + 1}.requestId`, call.payload.requestId, requestId));
        const statuses = all.map(({ call }) => call.payload.status);
        const uploads = statuses.filter((s) => s === 'Uploading').length;
        const failures = all.filter(({ call }) => FAILURES.includes(call.payload.status));
        check.that('LogStatusNotificationRequest statuses', statuses.every((s) => s === 'Uploading' || FAILURES.includes(s)), `only Uploading and ${FAILURES.join('/')}`, statuses.join(', '));
        check.oneOf('number of LogStatusNotificationRequest Uploading', uploads, [1, RETRIES + 1]);
        check.oneOf(`number of LogStatusNotificationRequest ${FAILURES.join('/')}`, failures.length, [1, RETRIES + 1]);
        const lastFailure = failures[failures.length - 1];
        const elapsed = lastFailure ? lastFailure.at - uploading.at : NaN;
        const tolerance = Math.max(1000, windowMs * 0.1);
        check.that('time from the first Uploading to the last failure status', Math.abs(elapsed - windowMs) <= tolerance, `${windowMs} ms (3 x retryInterval) ± ${tolerance} ms`, Number.isNaN(elapsed) ? 'no failure status' : `${elapsed} ms`);
      });
    });
  },
});
