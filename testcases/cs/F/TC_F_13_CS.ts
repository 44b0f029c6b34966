/** TC_F_13_CS: asked for the transaction event of one EVSE while it charges, the station sends one with triggerReason Trigger. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import { defineTestCase } from '../../../src/engine/testcase';
import { checkTriggeredEvent, energyTransferStarted, nextAfter, triggerAnswered, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_13_CS',
  name: 'Trigger message - TransactionEvent - Specific EVSE',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10'],
  detects: ['trigger.wrongContext', 'trigger.notSent', 'trigger.rejected'],
  notes: 'Before: EnergyTransferStarted on <Configured evseId>. The event of step 3 is the first TransactionEventRequest with triggerReason Trigger after the answer.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (TransactionEvent) for <Configured evseId>, station accepts', { requestedMessage: 'TransactionEvent', evse: { id: evseId } }, 'Accepted');
      await ctx.step('3-4. station sends TransactionEventRequest, harness answers', async () => {
        const call = (await nextAfter(ctx, 'a triggered TransactionEventRequest', since, (c) => c.action === 'TransactionEvent' && (c as IncomingCall<'TransactionEvent'>).payload.triggerReason === 'Trigger')) as IncomingCall<'TransactionEvent'>;
        ctx.check.oneOf('TransactionEventRequest.evse.id', call.payload.evse?.id, [undefined, evseId]);
        checkTriggeredEvent(ctx, call.payload);
      });
    });
  },
});
