/** TC_N_39_CS: a monitor id sent with a component-variable other than its monitor's is refused, and that monitor stays as it was. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, describeMonitors, monitoringReport, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_39_CS',
  name: 'Set Variable Monitoring - Component/Variable combination does NOT correspond',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.16'],
  detects: ['monitoring.idOfOtherVariableAccepted'],
  notes:
    'Follows errata 2025-02 (6.2.92): a Delta monitor (value 1, <Configured severity>) on <Configured non-numeric delta component variable> ' +
    '(EVSE <Configured evseId> AvailabilityState), then its id sent with <Configured numeric delta component variable> ' +
    '(configured.thresholdMonitor, default EVSE Power) as a Delta, which must be refused; the report of all monitors must still hold the ' +
    'first one with its id, value 1 and type Delta. It is cleared afterwards.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const text = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      const id = await ctx.step('1-2. harness sets a Delta monitor on the non-numeric variable; the station accepts', async () => {
        const result = resultFor(await setMonitors(ctx, [text]), text);
        if (result?.id !== undefined) ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, text, ['Accepted']);
        return result?.id;
      });
      const other = { ...thresholdComponent(ctx), id, type: 'Delta' as const, value: 1, severity };
      await ctx.step(`3-4. harness sends monitor ${id} again on the numeric variable; the station rejects it`, async () => {
        const result = resultFor(await setMonitors(ctx, [other]), other);
        ctx.check.equal('setMonitoringResult.status', result?.status, 'Rejected');
        ctx.check.equal('setMonitoringResult.type', result?.type, 'Delta');
        ctx.check.equal('setMonitoringResult.component.name', result?.component.name, other.component.name);
        ctx.check.equal('setMonitoringResult.variable.name', result?.variable.name, other.variable.name);
      });
      const report = await monitoringReport(ctx, {}, { request: '5-6. harness asks for every monitor; the station accepts', notify: '7-8. station reports them until tbc is false' });
      await ctx.step(`Step 7 content: monitor ${id} is still the Delta of value 1 on the non-numeric variable`, () => {
        const kept = report.monitors.some((m) => m.component.name === 'EVSE' && m.component.evse?.id === evseId && m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.id === id && v.value === 1 && v.type === 'Delta'));
        ctx.check.that(`monitor ${id}`, kept, 'EVSE AvailabilityState, value 1, type Delta', describeMonitors(report.monitors));
      });
    });
  },
});
