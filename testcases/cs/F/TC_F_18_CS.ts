/** TC_F_18_CS: asked for its firmware status while no update runs, the station reports Idle. */
import { defineTestCase } from '../../../src/engine/testcase';
import { stationSendsAfterTrigger, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_18_CS',
  name: 'Trigger message - FirmwareStatusNotification - Idle',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.16', 'L01.FR.25'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes: 'No firmware update runs during the case (nor, as far as the harness knows, before it), so the status must be Idle.',
  async run(ctx) {
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (FirmwareStatusNotification), station accepts', { requestedMessage: 'FirmwareStatusNotification' }, 'Accepted');
    await ctx.step('3-4. station sends FirmwareStatusNotificationRequest, harness answers', async () => {
      const call = await stationSendsAfterTrigger(ctx, 'FirmwareStatusNotification', since);
      ctx.check.equal('FirmwareStatusNotificationRequest.status', call.payload.status, 'Idle');
    });
  },
});
