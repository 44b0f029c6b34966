/** TC_N_47_CS: asked for every monitor, the station reports them all, the Delta monitors of the station's and the EVSE's AvailabilityState among them. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeMonitors, monitoringReport, monitorsPresent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_47_CS',
  name: 'Get Monitoring report - Report all',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.11'],
  detects: ['monitoring.reportSeqNoFromOne', 'monitoring.setNotStored'],
  notes:
    'Memory state: Delta monitors on ChargingStation and EVSE <Configured evseId> AvailabilityState, set by the harness where the station has ' +
    'none (<Configured severity>, cleared afterwards). Part 6 lists the fields of later parts as AvailabilityState Delta monitors; a report of ' +
    'all monitors holds others too (N02.FR.11), so the harness checks that these two are among them.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const needed = [
      { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity },
      { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity },
    ];
    await withCustomMonitors(ctx, async (ids) => {
      await monitorsPresent(ctx, needed, ids);
      const report = await monitoringReport(ctx, {}, { request: '1-2. harness asks for every monitor (no criteria, no componentVariable); the station accepts', notify: '3-4. station reports them until tbc is false' });
      await ctx.step('Post scenario: both AvailabilityState Delta monitors are in the report', () => {
        for (const n of needed) {
          const found = report.monitors.some((m) => m.component.name === n.component.name && m.component.evse?.id === n.component.evse?.id && m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.type === 'Delta'));
          ctx.check.that(`${n.component.name} AvailabilityState Delta monitor`, found, 'reported', describeMonitors(report.monitors));
        }
      });
    });
  },
});
