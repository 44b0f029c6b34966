/** TC_N_01_CSMS: the CSMS asks for monitor reports by monitoring criterion, handles an empty result, and shows the reported threshold monitors. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkReportVariables, csmsAsked, evseVariable, monitorOn, monitorsReported, monitorsShown, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_01_CSMS',
  name: 'Get Monitoring Report - with monitoringCriteria',
  sut: 'CSMS',
  useCases: ['N02'],
  requirements: ['N02.FR.05', 'N02.FR.10'],
  detects: ['monitoringReport.notSent', 'monitoringReport.criteriaDropped', 'monitoringReport.laterPartsIgnored'],
  notes:
    'The operator requests are driver actions (getMonitoringReport). Following errata 2025-06 (6.3.20) the requests carry no componentVariable. ' +
    'The harness reports two threshold monitors in two parts (EVSE Power UpperThreshold, ChargingStation Power LowerThreshold); for the post ' +
    'scenario validation the CSMS side confirms it shows both (driver action confirmMonitorsShown).',
  async run(ctx) {
    const stationId = ctx.config.station.id;
    const delta = await csmsAsked(ctx, '1-2. the CSMS asks for all Delta monitors; harness answers EmptyResultSet', { kind: 'getMonitoringReport', stationId, criteria: ['DeltaMonitoring'] }, 'GetMonitoringReport', (c) => c.respond({ status: 'EmptyResultSet' }));
    await ctx.step('Step 1: the request asks for DeltaMonitoring only', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', delta.payload.monitoringCriteria, ['DeltaMonitoring']);
      checkReportVariables(ctx, delta, []);
    });
    const threshold = await csmsAsked(ctx, '3-4. the CSMS asks for all threshold monitors; harness accepts', { kind: 'getMonitoringReport', stationId, criteria: ['ThresholdMonitoring'] }, 'GetMonitoringReport', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 3: the request asks for ThresholdMonitoring only', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', threshold.payload.monitoringCriteria, ['ThresholdMonitoring']);
      checkReportVariables(ctx, threshold, []);
    });
    const upper = { ...evseVariable(ctx, 'Power'), type: 'UpperThreshold' as const };
    const lower = { ...stationVariable('Power'), type: 'LowerThreshold' as const };
    await monitorsReported(ctx, '5-6. harness reports the threshold monitors in two parts; the CSMS answers each', threshold.payload.requestId, [monitorOn(upper, upper.type, 11, 22000), monitorOn(lower, lower.type, 12, 10)]);
    await monitorsShown(ctx, 'Post scenario: the CSMS shows the threshold monitors', [upper, lower]);
  },
});
