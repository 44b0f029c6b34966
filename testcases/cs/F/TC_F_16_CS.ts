/** TC_F_16_CS: asked for its log upload status while it uploads a log, the station reports Uploading. */
import { defineTestCase } from '../../../src/engine/testcase';
import { triggerAnswered } from '../states';
import { checkLogStatus, newLogRequestId, nextLogStatus, requestLog, withLogLocation } from '../states/logs';

export default defineTestCase({
  id: 'TC_F_16_CS',
  name: 'Trigger message - LogStatusNotification - Uploading',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.14'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes:
    'The log location is <Configured log_location>, or the harness\'s own receiver, which holds its answer to the upload back so ' +
    'the station is still uploading when the trigger comes (with an external log server the upload may end first). Both ' +
    'LogStatusNotifications must say Uploading with the requestId of the GetLogRequest; the end of the upload afterwards is not judged.',
  async run(ctx) {
    await withLogLocation(ctx, 'TC_F_16_CS', { kind: 'holdUntilReleased' }, async (where) => {
      const requestId = newLogRequestId();
      const first = nextLogStatus(ctx, 'LogStatusNotificationRequest Uploading');
      await ctx.step('1-2. harness sends GetLogRequest (DiagnosticsLog, <Configured log_location>), station accepts', async () => {
        const answer = await requestLog(ctx, { requestId, logType: 'DiagnosticsLog', remoteLocation: where.location });
        ctx.check.equal('GetLogResponse.status', answer.status, 'Accepted');
      });
      await ctx.step('3-4. station sends LogStatusNotificationRequest (Uploading)', async () => checkLogStatus(ctx, await first, ['Uploading'], requestId));
      const second = nextLogStatus(ctx, 'the triggered LogStatusNotificationRequest');
      await triggerAnswered(ctx, '5-6. harness sends TriggerMessageRequest (LogStatusNotification), station accepts', { requestedMessage: 'LogStatusNotification' }, 'Accepted');
      await ctx.step('7-8. station sends LogStatusNotificationRequest (Uploading) again', async () => checkLogStatus(ctx, await second, ['Uploading'], requestId));
      await ctx.step('Afterwards: the harness lets the upload finish (not judged)', async () => {
        const last = nextLogStatus(ctx, 'the end of the upload');
        where.receiver?.release();
        await last.catch(() => undefined);
      });
    });
  },
});
