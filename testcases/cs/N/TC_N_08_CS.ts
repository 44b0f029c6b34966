/** TC_N_08_CS: a station installs one Delta monitor on an EVSE's AvailabilityState and reports it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, describeMonitors, monitoringReport, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_08_CS',
  name: 'Set Variable Monitoring - one setMonitoringData element',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  detects: ['monitoring.setNotStored'],
  notes:
    'The EVSE is <Configured evseId>. "Verify monitor is installed" is checked as: the report of step 5 holds a Delta monitor on that EVSE\'s ' +
    'AvailabilityState with the id returned in step 2. The harness clears the monitor afterwards (clean-up).',
  async run(ctx) {
    const evseId = ctx.config.configured.evseId;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity: 8 };
    await withCustomMonitors(ctx, async (ids) => {
      const result = await ctx.step(`1-2. harness sets a Delta monitor (value 1, severity 8) on EVSE ${evseId} AvailabilityState; the station accepts`, async () => {
        const found = resultFor(await setMonitors(ctx, [asked]), asked);
        if (found?.id !== undefined) ids.push(found.id);
        checkMonitorResult(ctx, 'setMonitoringResult', found, asked, ['Accepted']);
        return found;
      });
      const report = await monitoringReport(ctx, { componentVariable: [{ component: asked.component, variable: asked.variable }] }, { request: '3-4. harness asks for the monitors of that variable; the station accepts', notify: '5-6. station reports them' });
      await ctx.step('Step 5 content: the new Delta monitor is reported', () => {
        const match = report.monitors.some((m) => m.component.name === 'EVSE' && m.component.evse?.id === evseId && m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.type === 'Delta' && v.id === result?.id));
        ctx.check.that(`Delta monitor ${result?.id} on EVSE ${evseId} AvailabilityState`, match, 'reported', describeMonitors(report.monitors));
      });
    });
  },
});
