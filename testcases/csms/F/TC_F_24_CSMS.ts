/** TC_F_24_CSMS: with a connector Occupied, the CSMS asks for its status and takes the report that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, connectorsReportedTo, csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_24_CSMS',
  name: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  detects: ['trigger.evseDropped'],
  notes: 'The harness reports with StatusNotificationRequests (Part 6 allows them or NotifyEventRequests) and reports the connector Available again afterwards.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const connector = [{ id: evseId, connectorId }];
    await connectorsReportedTo(ctx, '1-2. harness reports the configured connector Occupied; the CSMS answers', connector, 'Occupied');
    // Steps 3-4 of Part 6 are the CSMS's TriggerMessageRequest and the harness's answer.
    await csmsTriggers(ctx, 'StatusNotification', { evseId, connectorId });
    await connectorsReportedTo(ctx, '5-6. harness reports the configured connector Occupied again; the CSMS answers', connector, 'Occupied');
    await connectorsBackToAvailable(ctx);
  },
});
