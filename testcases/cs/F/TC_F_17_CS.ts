/** TC_F_17_CS: a FirmwareStatusNotification trigger naming an EVSE is still honoured: the EVSE is not relevant to that message. */
import { defineTestCase } from '../../../src/engine/testcase';
import { stationSendsAfterTrigger, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_17_CS',
  name: 'Trigger message - FirmwareStatusNotification - Specific EVSE not relevant',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.03', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes: 'No firmware update runs during the case, so the status must be Idle.',
  async run(ctx) {
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (FirmwareStatusNotification) for <Configured evseId>, station accepts', { requestedMessage: 'FirmwareStatusNotification', evse: { id: ctx.config.configured.evseId } }, 'Accepted');
    await ctx.step('3-4. station sends FirmwareStatusNotificationRequest, harness answers', async () => {
      const call = await stationSendsAfterTrigger(ctx, 'FirmwareStatusNotification', since);
      ctx.check.equal('FirmwareStatusNotificationRequest.status', call.payload.status, 'Idle');
    });
  },
});
