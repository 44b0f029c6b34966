/** TC_F_23_CSMS: the CSMS asks for the status of one connector and takes the report (Available) that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsReportedTo, csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_23_CSMS',
  name: 'Trigger message - StatusNotification - Specific EVSE - Available',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  detects: ['trigger.evseDropped'],
  notes: 'The harness reports with a StatusNotificationRequest (Part 6 allows it or a NotifyEventRequest).',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await csmsTriggers(ctx, 'StatusNotification', { evseId, connectorId });
    await connectorsReportedTo(ctx, '3-4. harness reports the configured connector Available; the CSMS answers', [{ id: evseId, connectorId }], 'Available');
  },
});
