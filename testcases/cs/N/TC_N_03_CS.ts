/** TC_N_03_CS: criteria and component-variables together: no threshold monitors on AvailabilityState (empty), and the Delta ones reported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeMonitors, monitoringReport, monitorsPresent, reportedTypes, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_03_CS',
  name: 'Get Monitoring Report - with component criteria and component/variable',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.03', 'N02.FR.04', 'N02.FR.05', 'N02.FR.09', 'N02.FR.10', 'N02.FR.13'],
  detects: ['monitoring.criteriaIgnored', 'monitoring.reportSeqNoFromOne'],
  notes:
    'Before: a Periodic monitor on ChargingStation.Power and a Delta monitor on EVSE <Configured evseId> AvailabilityState, set by the harness ' +
    'where missing (<Configured severity>; also a Delta on ChargingStation.AvailabilityState, which the post scenario validation expects), cleared ' +
    'afterwards. The first request (ThresholdMonitoring) must be EmptyResultSet, the second (DeltaMonitoring) report only Delta monitors, both present.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const variables = [
      { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' } },
      { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' } },
    ];
    const needed = [
      { component: { name: 'ChargingStation' }, variable: { name: 'Power' }, type: 'Periodic' as const, value: 3600, severity },
      ...variables.map((v) => ({ ...v, type: 'Delta' as const, value: 1, severity })),
    ];
    await withCustomMonitors(ctx, async (ids) => {
      await monitorsPresent(ctx, needed, ids);
      await monitoringReport(ctx, { monitoringCriteria: ['ThresholdMonitoring'], componentVariable: [variables[0], variables[1]] }, { request: '1-2. harness asks for threshold monitors of both AvailabilityState variables: EmptyResultSet' }, 'EmptyResultSet');
      const report = await monitoringReport(ctx, { monitoringCriteria: ['DeltaMonitoring'], componentVariable: [variables[0], variables[1]] }, { request: '3-4. harness asks for Delta monitors of both AvailabilityState variables; the station accepts', notify: '5-6. station reports them until tbc is false' });
      await ctx.step('Step 5 and post scenario: Delta monitors only, for both variables', () => {
        const types = reportedTypes(report.monitors);
        ctx.check.that('monitor.variableMonitoring.type', types.length > 0 && types.every((t) => t === 'Delta'), 'Delta only', types.join(', ') || 'none');
        for (const v of variables) {
          const found = report.monitors.some((m) => m.component.name === v.component.name && m.component.evse?.id === v.component.evse?.id && m.variable.name === 'AvailabilityState');
          ctx.check.that(`${v.component.name} AvailabilityState Delta monitor`, found, 'reported', describeMonitors(report.monitors));
        }
      });
    });
  },
});
