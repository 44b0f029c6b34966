/** TC_F_24_CS: asked for the status of a connector with the EV plugged in, the station reports it Occupied. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusReport, evConnectedPreSession, nextAfter, reportedStatus, triggerAnswered, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_24_CS',
  name: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['trigger.statusAlwaysAvailable', 'trigger.notSent'],
  notes: 'Before: EVConnectedPreSession. Step 3 is the first report of the configured connector after the answer (StatusNotification or NotifyEvent).',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const connector = { evseId, connectorId };
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (StatusNotification) for the configured connector, station accepts', { requestedMessage: 'StatusNotification', evse: { id: evseId, connectorId } }, 'Accepted');
      await ctx.step('3-4. station reports the connector, harness answers', async () => {
        const report = await nextAfter(ctx, 'a report of the configured connector', since, (c) => reportedStatus(c, connector) !== undefined);
        checkStatusReport(ctx, report, connector, 'Occupied');
      });
    });
  },
});
