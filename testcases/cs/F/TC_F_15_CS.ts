/** TC_F_15_CS: asked for its log upload status while no upload runs, the station reports Idle. */
import { defineTestCase } from '../../../src/engine/testcase';
import { stationSendsAfterTrigger, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_15_CS',
  name: 'Trigger message - LogStatusNotification - Idle',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.15'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes: 'No log upload runs during the case, so the status must be Idle.',
  async run(ctx) {
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (LogStatusNotification), station accepts', { requestedMessage: 'LogStatusNotification' }, 'Accepted');
    await ctx.step('3-4. station sends LogStatusNotificationRequest, harness answers', async () => {
      const call = await stationSendsAfterTrigger(ctx, 'LogStatusNotification', since);
      ctx.check.equal('LogStatusNotificationRequest.status', call.payload.status, 'Idle');
    });
  },
});
