/** TC_N_17_CSMS: the CSMS copes with a station rejecting the monitoring level it sets. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsAsked } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_17_CSMS',
  name: 'Set Monitoring Level - Out of range',
  sut: 'CSMS',
  useCases: ['N05'],
  requirements: ['N05.FR.02'],
  detects: ['monitoringLevel.notSent'],
  notes: 'Part 6 has no tool validation: the CSMS passes by sending a schema-valid SetMonitoringLevelRequest when asked (driver action, severity 4), which the harness rejects, and staying connected.',
  async run(ctx) {
    await csmsAsked(ctx, '1-2. the CSMS sets monitoring level 4; harness rejects it', { kind: 'setMonitoringLevel', stationId: ctx.config.station.id, severity: 4 }, 'SetMonitoringLevel', (c) => c.respond({ status: 'Rejected', statusInfo: { reasonCode: 'ValueOutOfRange' } }));
  },
});
