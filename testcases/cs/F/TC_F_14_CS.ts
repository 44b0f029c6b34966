/** TC_F_14_CS: asked for transaction events without an EVSE while every EVSE charges, the station sends a triggered event for each. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import { defineTestCase } from '../../../src/engine/testcase';
import { checkTriggeredEvent, nextAfter, triggerAnswered, withChargingOn } from '../states';

export default defineTestCase({
  id: 'TC_F_14_CS',
  name: 'Trigger message - TransactionEvent - All EVSE',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10', 'F06.FR.11'],
  detects: ['trigger.wrongContext', 'trigger.notSent'],
  notes:
    'Before: EnergyTransferStarted on every configured EVSE (the first with <Configured valid_idtoken>, the next with valid_idtoken2, ' +
    'in turn). Step 3 is complete once a TransactionEventRequest with triggerReason Trigger has come for each transaction; Part 6 asks ' +
    'evse.id <Configured evseId>, read as the EVSE of that transaction, which the harness knows from its Started event.',
  async run(ctx) {
    await withChargingOn(ctx, ctx.config.station.evses.map((e) => e.id), async (charging) => {
      const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (TransactionEvent) without evse, station accepts', { requestedMessage: 'TransactionEvent' }, 'Accepted');
      const waiting = new Map(charging.map((c) => [c.transactionId, c.session.evse.evseId]));
      await ctx.step('3-4. station sends a triggered TransactionEventRequest for every transaction, harness answers each', async () => {
        while (waiting.size > 0) {
          const call = (await nextAfter(ctx, `a triggered TransactionEventRequest for transaction(s) ${[...waiting.keys()].join(', ')}`, since, (c) => {
            const event = (c as IncomingCall<'TransactionEvent'>).payload;
            return c.action === 'TransactionEvent' && event.triggerReason === 'Trigger' && waiting.has(event.transactionInfo.transactionId);
          })) as IncomingCall<'TransactionEvent'>;
          const evseId = waiting.get(call.payload.transactionInfo.transactionId);
          waiting.delete(call.payload.transactionInfo.transactionId);
          ctx.check.equal(`TransactionEventRequest.evse.id (transaction on EVSE ${evseId})`, call.payload.evse?.id ?? evseId, evseId);
          checkTriggeredEvent(ctx, call.payload);
        }
      });
    });
  },
});
