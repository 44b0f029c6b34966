/** TC_N_18_CS: a station clears the monitors of two variables and then reports none for them. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo, monitoringReport, resultFor, restoreMonitoring, setMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_18_CS',
  name: 'Clear Monitoring - Success',
  sut: 'CS',
  useCases: ['N06'],
  requirements: ['N06.FR.01', 'N06.FR.05'],
  detects: ['monitoring.clearNotApplied'],
  notes:
    'Memory state: the harness reads the monitors of ChargingStation.AvailabilityState and of EVSE <Configured evseId> AvailabilityState and sets a ' +
    'Delta monitor (<Configured severity>) on each that has none; ID1 and ID2 are all the monitor ids of the two variables. Afterwards ' +
    'monitoring base All puts the preconfigured monitors back (clean-up).',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const variables = [
      { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' } },
      { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' } },
    ];
    try {
      const ids = await ctx.step('Memory State: monitors on ChargingStation and EVSE AvailabilityState', async () => {
        const found = await monitoringReport(ctx, { componentVariable: variables }, { request: 'Preparation: harness asks for their monitors', notify: 'Preparation: the station reports them' }, 'probe');
        const missing = variables.filter((v) => !found.monitors.some((m) => m.component.name === v.component.name && m.variable.name === v.variable.name));
        const added = missing.length === 0 ? [] : await setMonitors(ctx, missing.map((v) => ({ ...v, type: 'Delta' as const, value: 1, severity })));
        for (const v of missing) ctx.check.equal(`Preparation: Delta monitor on ${v.component.name}.AvailabilityState`, resultFor(added, { ...v, type: 'Delta' })?.status, 'Accepted');
        return [...found.monitors.flatMap((m) => m.variableMonitoring.map((x) => x.id)), ...added.flatMap((r) => (r.id === undefined ? [] : [r.id]))];
      });
      await ctx.step(`1-2. harness clears monitors ${ids.join(', ')}; the station accepts each`, async () => {
        const response = await ctx.csms.call('ClearVariableMonitoring', { id: [ids[0], ...ids.slice(1)] });
        ctx.check.equal('clearMonitoringResult count', response.clearMonitoringResult.length, ids.length);
        for (const id of ids) {
          const result = response.clearMonitoringResult.find((r) => r.id === id);
          ctx.check.equal(`clearMonitoringResult (id ${id}).status`, result?.status, 'Accepted');
          checkStatusInfo(ctx, `clearMonitoringResult (id ${id})`, result?.statusInfo, ['NoError']);
        }
      });
      await monitoringReport(ctx, { componentVariable: variables }, { request: '3-4. harness asks for the monitors of both variables: none are left (EmptyResultSet)' }, 'EmptyResultSet');
    } finally {
      await restoreMonitoring(ctx, [], { base: true });
    }
  },
});
