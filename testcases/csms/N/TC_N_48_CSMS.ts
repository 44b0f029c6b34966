/** TC_N_48_CSMS: the CSMS answers a NotifyEventRequest with an empty actualValue (a monitor on a write-only variable) with an empty NotifyEventResponse. */
import { defineTestCase } from '../../../src/engine/testcase';
import { eventsSent } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_48_CSMS',
  name: 'Alert Event - Variable monitoring on write only',
  sut: 'CSMS',
  useCases: ['N07'],
  requirements: [],
  detects: ['monitorEvent.refused'],
  notes: 'The harness sends the event(s) on its own (Part 6: the tester makes the tool send them); the CSMS must answer each with an empty NotifyEventResponse (N07.FR.03, N08.FR.02).',
  async run(ctx) {
    const event = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, trigger: 'Delta' as const, actualValue: '', variableMonitoringId: 42, eventNotificationType: 'CustomMonitor' as const };
    await eventsSent(ctx, '1-2. harness sends a NotifyEventRequest with an empty actualValue (a monitor on a write-only variable); the CSMS answers with an empty NotifyEventResponse', Array.from({ length: 1 }, () => event));
  },
});
