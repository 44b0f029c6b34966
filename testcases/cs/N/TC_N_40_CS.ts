/** TC_N_40_CS: setting a monitor with the id of an existing one replaces it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, describeMonitors, monitoringReport, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_40_CS',
  name: 'Set Variable Monitoring - Replace Variable Monitor',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.12'],
  detects: ['monitoring.replaceAdds'],
  notes:
    'Memory state: the harness sets a Delta monitor of severity 5 on EVSE <Configured evseId> AvailabilityState; its id is the generated ' +
    'variableMonitoringId of step 1, which resends it with severity 4 (value 1). The report must show that id with severity 4 and no monitor of ' +
    'severity 5 under it. The monitor is cleared afterwards.',
  async run(ctx) {
    const evseId = ctx.config.configured.evseId;
    const base = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1 };
    await withCustomMonitors(ctx, async (ids) => {
      const id = await ctx.step('Memory State: harness sets a Delta monitor of severity 5', async () => {
        const asked = { ...base, severity: 5 };
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined) ids.push(result.id);
        ctx.check.equal('setMonitoringResult.status', result?.status, 'Accepted');
        return result?.id;
      });
      const replacement = { ...base, id, severity: 4 };
      await ctx.step(`1-2. harness sets monitor ${id} again with severity 4; the station accepts`, async () => {
        checkMonitorResult(ctx, 'setMonitoringResult', resultFor(await setMonitors(ctx, [replacement]), replacement), replacement, ['Accepted']);
      });
      const report = await monitoringReport(ctx, { monitoringCriteria: ['DeltaMonitoring'], componentVariable: [{ component: base.component, variable: base.variable }] }, { request: '3-4. harness asks for the Delta monitors of the EVSE\'s AvailabilityState; the station accepts', notify: '5-6. station reports them' });
      await ctx.step('Step 5 content: the monitor now has severity 4', () => {
        const mine = report.monitors.filter((m) => m.component.name === 'EVSE' && m.variable.name === 'AvailabilityState').flatMap((m) => m.variableMonitoring).filter((v) => v.id === id || v.severity === 5);
        ctx.check.that(`monitor ${id}`, mine.length === 1 && mine[0].id === id && mine[0].severity === 4, 'reported once, with severity 4 (the old one replaced)', describeMonitors(report.monitors));
      });
    });
  },
});
