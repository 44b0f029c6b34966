/** TC_N_24_CSMS: the CSMS answers NotifyEventRequests of a periodic monitor (trigger Periodic), three times with an empty NotifyEventResponse. */
import { defineTestCase } from '../../../src/engine/testcase';
import { eventsSent, evseVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_24_CSMS',
  name: 'Set Variable Monitoring - Periodic event',
  sut: 'CSMS',
  useCases: ['N08'],
  requirements: ['N08.FR.02'],
  detects: ['monitorEvent.refused'],
  notes: 'The harness sends the event(s) on its own (Part 6: the tester makes the tool send them); the CSMS must answer each with an empty NotifyEventResponse (N07.FR.03, N08.FR.02).',
  async run(ctx) {
    const on = evseVariable(ctx, 'Power');
    const component = { name: on.component, ...('evseId' in on && on.evseId !== undefined ? { evse: { id: on.evseId } } : {}) };
    const event = { component, variable: { name: on.variable }, trigger: 'Periodic' as const, actualValue: '7400', variableMonitoringId: 41, eventNotificationType: 'CustomMonitor' as const };
    await eventsSent(ctx, '1-2. harness sends NotifyEventRequests of a periodic monitor (trigger Periodic), three times; the CSMS answers with an empty NotifyEventResponse', Array.from({ length: 3 }, () => event));
  },
});
