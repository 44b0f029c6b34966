/** TC_F_23_CS: asked for the status of a free connector, the station reports it Available. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusReport, nextAfter, reportedStatus, triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_23_CS',
  name: 'Trigger message - StatusNotification - Specific EVSE - Available',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes: 'Step 3 is the first report of <Configured evseId> / <Configured connectorId> after the answer, by StatusNotification or by NotifyEvent on Connector.AvailabilityState.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const connector = { evseId, connectorId };
    const since = await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (StatusNotification) for the configured connector, station accepts', { requestedMessage: 'StatusNotification', evse: { id: evseId, connectorId } }, 'Accepted');
    await ctx.step('3-4. station reports the connector, harness answers', async () => {
      const report = await nextAfter(ctx, 'a report of the configured connector', since, (c) => reportedStatus(c, connector) !== undefined);
      checkStatusReport(ctx, report, connector, 'Available');
    });
  },
});
