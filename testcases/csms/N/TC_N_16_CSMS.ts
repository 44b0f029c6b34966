/** TC_N_16_CSMS: the CSMS sets the monitoring level it is asked for. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsAsked } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_16_CSMS',
  name: 'Set Monitoring Level - Success',
  sut: 'CSMS',
  useCases: ['N05'],
  requirements: ['N05.FR.01'],
  detects: ['monitoringLevel.notSent', 'monitoringLevel.offByOne'],
  notes: 'The operator request is a driver action (setMonitoringLevel, severity 4); the harness accepts.',
  async run(ctx) {
    const call = await csmsAsked(ctx, '1-2. the CSMS sets monitoring level 4; harness accepts', { kind: 'setMonitoringLevel', stationId: ctx.config.station.id, severity: 4 }, 'SetMonitoringLevel', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 1: severity 4', () => ctx.check.equal('SetMonitoringLevelRequest.severity', call.payload.severity, 4));
  },
});
