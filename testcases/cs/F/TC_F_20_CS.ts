/** TC_F_20_CS: asked for a heartbeat, the station sends one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { stationSendsAfterTrigger, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_20_CS',
  name: 'Trigger message - Heartbeat',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes: 'Step 3 waits for a HeartbeatRequest received after the TriggerMessageResponse (within the message timeout); Part 6 lists no field to validate in it.',
  async run(ctx) {
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (Heartbeat), station accepts', { requestedMessage: 'Heartbeat' }, 'Accepted');
    await ctx.step('3-4. station sends HeartbeatRequest, harness answers', () => stationSendsAfterTrigger(ctx, 'Heartbeat', since));
  },
});
