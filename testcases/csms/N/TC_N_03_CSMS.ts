/** TC_N_03_CSMS: the CSMS asks for monitors by criterion and component-variable together, handles an empty result, and shows the reported monitor. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkReportVariables, csmsAsked, evseVariable, monitorOn, monitorsReported, monitorsShown, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_03_CSMS',
  name: 'Get Monitoring Report - with component criteria and component/variable',
  sut: 'CSMS',
  useCases: ['N02'],
  requirements: ['N02.FR.05', 'N02.FR.10'],
  detects: ['monitoringReport.notSent', 'monitoringReport.criteriaDropped', 'monitoringReport.variablesDropped', 'monitoringReport.laterPartsIgnored'],
  notes: 'The EVSE is <Configured evseId>. The harness reports a LowerThreshold and an UpperThreshold monitor of ChargingStation.Power in two parts; the CSMS side confirms it shows them.',
  async run(ctx) {
    const stationId = ctx.config.station.id;
    const availability = evseVariable(ctx, 'AvailabilityState');
    const power = stationVariable('Power');
    const first = await csmsAsked(ctx, '1-2. the CSMS asks for Delta monitors of the EVSE\'s AvailabilityState; harness answers EmptyResultSet', { kind: 'getMonitoringReport', stationId, criteria: ['DeltaMonitoring'], variables: [availability] }, 'GetMonitoringReport', (c) => c.respond({ status: 'EmptyResultSet' }));
    await ctx.step('Step 1: DeltaMonitoring and the EVSE\'s AvailabilityState', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', first.payload.monitoringCriteria, ['DeltaMonitoring']);
      checkReportVariables(ctx, first, [availability]);
    });
    const second = await csmsAsked(ctx, '3-4. the CSMS asks for threshold monitors of ChargingStation.Power; harness accepts', { kind: 'getMonitoringReport', stationId, criteria: ['ThresholdMonitoring'], variables: [power] }, 'GetMonitoringReport', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 3: ThresholdMonitoring and ChargingStation.Power', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', second.payload.monitoringCriteria, ['ThresholdMonitoring']);
      checkReportVariables(ctx, second, [power]);
    });
    const lower = { ...power, type: 'LowerThreshold' as const };
    const upper = { ...power, type: 'UpperThreshold' as const };
    await monitorsReported(ctx, '5-6. harness reports the threshold monitors of ChargingStation.Power in two parts; the CSMS answers each', second.payload.requestId, [monitorOn(lower, lower.type, 31, 100, 4), monitorOn(upper, upper.type, 32, 44000, 2)]);
    await monitorsShown(ctx, 'Post scenario: the CSMS shows the threshold monitors of ChargingStation.Power', [lower, upper]);
  },
});
