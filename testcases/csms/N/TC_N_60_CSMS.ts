/** TC_N_60_CSMS: the CSMS asks for monitors by criterion and a list of component-variables, handles an empty result, and shows the reported monitors. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkReportVariables, csmsAsked, evseVariable, monitorOn, monitorsReported, monitorsShown, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_60_CSMS',
  name: 'Get Monitoring Report - with component criteria and list of components/variables',
  sut: 'CSMS',
  useCases: ['N02'],
  requirements: ['N02.FR.05', 'N02.FR.10'],
  detects: ['monitoringReport.notSent', 'monitoringReport.criteriaDropped', 'monitoringReport.variablesDropped', 'monitoringReport.laterPartsIgnored'],
  notes:
    'Part 6\'s tool validations swap the two requests of its main scenario (and name AvailabilityState in both). The harness follows the main ' +
    'scenario and its post scenario validation: first ThresholdMonitoring for Power of ChargingStation and EVSE <Configured evseId> (empty), then ' +
    'DeltaMonitoring for AvailabilityState of both, whose Delta monitors the CSMS must show.',
  async run(ctx) {
    const stationId = ctx.config.station.id;
    const powers = [stationVariable('Power'), evseVariable(ctx, 'Power')];
    const availabilities = [stationVariable('AvailabilityState'), evseVariable(ctx, 'AvailabilityState')];
    const first = await csmsAsked(ctx, '1-2. the CSMS asks for threshold monitors of Power of the station and the EVSE; harness answers EmptyResultSet', { kind: 'getMonitoringReport', stationId, criteria: ['ThresholdMonitoring'], variables: powers }, 'GetMonitoringReport', (c) => c.respond({ status: 'EmptyResultSet' }));
    await ctx.step('Step 1: ThresholdMonitoring and both Power variables', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', first.payload.monitoringCriteria, ['ThresholdMonitoring']);
      checkReportVariables(ctx, first, powers);
    });
    const second = await csmsAsked(ctx, '3-4. the CSMS asks for Delta monitors of AvailabilityState of the station and the EVSE; harness accepts', { kind: 'getMonitoringReport', stationId, criteria: ['DeltaMonitoring'], variables: availabilities }, 'GetMonitoringReport', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 3: DeltaMonitoring and both AvailabilityState variables', () => {
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', second.payload.monitoringCriteria, ['DeltaMonitoring']);
      checkReportVariables(ctx, second, availabilities);
    });
    const deltas = availabilities.map((v) => ({ ...v, type: 'Delta' as const }));
    await monitorsReported(ctx, '5-6. harness reports the two Delta monitors in two parts; the CSMS answers each', second.payload.requestId, deltas.map((d, i) => monitorOn(d, 'Delta', 61 + i, 1)));
    await monitorsShown(ctx, 'Post scenario: the CSMS shows the Delta monitors of both AvailabilityState variables', deltas);
  },
});
