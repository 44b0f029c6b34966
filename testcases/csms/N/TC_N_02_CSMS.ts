/** TC_N_02_CSMS: the CSMS asks for the monitors of given component-variables, handles an empty result, and shows the reported monitor. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkReportVariables, csmsAsked, evseVariable, monitorOn, monitorsReported, monitorsShown, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_02_CSMS',
  name: 'Get Monitoring Report - with component/variable',
  sut: 'CSMS',
  useCases: ['N02'],
  requirements: ['N02.FR.05', 'N02.FR.10'],
  detects: ['monitoringReport.notSent', 'monitoringReport.variablesDropped', 'monitoringReport.laterPartsIgnored'],
  notes:
    'Following errata 2025-06 (6.3.20, 6.3.21) the requests carry no monitoringCriteria and no instances. Part 6 writes componentVariable[1] in ' +
    'the step 3 validation; each request names one component-variable, so it is read as the only entry. The EVSE is <Configured evseId>. The ' +
    'harness reports a Periodic and then a Delta monitor of the EVSE in two parts; the CSMS side confirms it shows the Delta one.',
  async run(ctx) {
    const stationId = ctx.config.station.id;
    const power = stationVariable('Power');
    const availability = evseVariable(ctx, 'AvailabilityState');
    const first = await csmsAsked(ctx, '1-2. the CSMS asks for the monitors of ChargingStation.Power; harness answers EmptyResultSet', { kind: 'getMonitoringReport', stationId, variables: [power] }, 'GetMonitoringReport', (c) => c.respond({ status: 'EmptyResultSet' }));
    await ctx.step('Step 1: the request names ChargingStation.Power', () => {
      checkReportVariables(ctx, first, [power]);
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', first.payload.monitoringCriteria, undefined);
    });
    const second = await csmsAsked(ctx, '3-4. the CSMS asks for the monitors of EVSE AvailabilityState; harness accepts', { kind: 'getMonitoringReport', stationId, variables: [availability] }, 'GetMonitoringReport', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 3: the request names the EVSE\'s AvailabilityState', () => {
      checkReportVariables(ctx, second, [availability]);
      ctx.check.equal('GetMonitoringReportRequest.monitoringCriteria', second.payload.monitoringCriteria, undefined);
    });
    const delta = { ...availability, type: 'Delta' as const };
    await monitorsReported(ctx, '5-6. harness reports a Periodic and then a Delta monitor of the EVSE\'s AvailabilityState in two parts; the CSMS answers each', second.payload.requestId, [monitorOn(delta, 'Periodic', 21, 60, 8), monitorOn(delta, 'Delta', 22, 1, 7)]);
    await monitorsShown(ctx, 'Post scenario: the CSMS shows the monitor of the EVSE\'s AvailabilityState', [delta]);
  },
});
