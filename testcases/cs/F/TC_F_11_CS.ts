/** TC_F_11_CS: asked for the meter values of one EVSE, the station sends a MeterValuesRequest for it, marked as triggered. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import { defineTestCase } from '../../../src/engine/testcase';
import { checkTriggerContext, nextAfter, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_11_CS',
  name: 'Trigger message - MeterValues - Specific EVSE',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10'],
  detects: ['trigger.wrongContext', 'trigger.notSent', 'trigger.rejected'],
  notes: 'The MeterValuesRequest of step 3 is the first one received after the TriggerMessageResponse; periodic or clock-aligned ones sent before it do not count.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (MeterValues) for <Configured evseId>, station accepts', { requestedMessage: 'MeterValues', evse: { id: evseId } }, 'Accepted');
    await ctx.step('3-4. station sends MeterValuesRequest, harness answers', async () => {
      const call = (await nextAfter(ctx, 'a MeterValuesRequest after the trigger', since, (c) => c.action === 'MeterValues')) as IncomingCall<'MeterValues'>;
      ctx.check.equal('MeterValuesRequest.evseId', call.payload.evseId, evseId);
      checkTriggerContext(ctx, 'MeterValuesRequest', call.payload.meterValue);
    });
  },
});
