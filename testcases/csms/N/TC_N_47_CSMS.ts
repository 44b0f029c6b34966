/** TC_N_47_CSMS: asked for every monitor, the CSMS sends GetMonitoringReport without filters and takes in a report in several parts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkReportVariables, csmsAsked, evseVariable, monitorOn, monitorsReported, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_47_CSMS',
  name: 'Get Monitoring report - Report all',
  sut: 'CSMS',
  useCases: ['N02'],
  requirements: [],
  detects: ['monitoringReport.notSent'],
  notes: 'The operator request is a driver action (getMonitoringReport without criteria or variables). The harness reports three monitors in three parts (tbc true until the last), each of which the CSMS must answer.',
  async run(ctx) {
    const call = await csmsAsked(ctx, '1-2. the CSMS asks for every monitor; harness accepts', { kind: 'getMonitoringReport', stationId: ctx.config.station.id }, 'GetMonitoringReport', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 1: neither monitoringCriteria nor componentVariable', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', call.payload.monitoringCriteria, undefined);
      checkReportVariables(ctx, call, []);
    });
    await monitorsReported(ctx, '3-4. harness reports its monitors in three parts; the CSMS answers each', call.payload.requestId, [
      monitorOn(stationVariable('AvailabilityState'), 'Delta', 1, 1),
      monitorOn(evseVariable(ctx, 'Power'), 'UpperThreshold', 2, 22000, 2),
      monitorOn(evseVariable(ctx, 'Power'), 'Periodic', 3, 900, 8),
    ]);
  },
});
