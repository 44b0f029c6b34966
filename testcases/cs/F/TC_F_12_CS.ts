/** TC_F_12_CS: asked for meter values without an EVSE, the station sends a triggered MeterValuesRequest for every EVSE. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import { defineTestCase } from '../../../src/engine/testcase';
import { checkTriggerContext, nextAfter, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_12_CS',
  name: 'Trigger message - MeterValues - All EVSE',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10', 'F06.FR.11'],
  detects: ['trigger.wrongContext', 'trigger.notSent'],
  notes: 'Step 3 is complete once a triggered MeterValuesRequest has come for every configured EVSE; each must carry context Trigger on its first sampled value.',
  async run(ctx) {
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (MeterValues) without evse, station accepts', { requestedMessage: 'MeterValues' }, 'Accepted');
    const missing = new Set(ctx.config.station.evses.map((e) => e.id));
    await ctx.step('3-4. station sends a MeterValuesRequest for every EVSE, harness answers each', async () => {
      while (missing.size > 0) {
        const call = (await nextAfter(ctx, `a MeterValuesRequest for EVSE(s) ${[...missing].join(', ')}`, since, (c) => c.action === 'MeterValues' && missing.has((c as IncomingCall<'MeterValues'>).payload.evseId))) as IncomingCall<'MeterValues'>;
        missing.delete(call.payload.evseId);
        checkTriggerContext(ctx, `MeterValuesRequest (EVSE ${call.payload.evseId})`, call.payload.meterValue);
      }
    });
  },
});
