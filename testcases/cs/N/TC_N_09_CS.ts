/** TC_N_09_CS: a station installs Delta monitors on two different component-variables in one request and reports both. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, describeMonitors, monitoringReport, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_09_CS',
  name: 'Set Variable Monitoring - Multiple elements on different component and variable',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  detects: ['monitoring.setNotStored', 'monitoring.reportSeqNoFromOne'],
  notes:
    '<Configured severity> is configured.monitorSeverity (Part 6 prints 8 in the validations). "Verify monitors are installed" is checked as: ' +
    'the report holds both new monitors by the ids of step 2. The harness clears them afterwards (clean-up).',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const onEvse = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    const onStation = { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      const results = await ctx.step('1-2. harness sets Delta monitors on EVSE and ChargingStation AvailabilityState; the station accepts both', async () => {
        const answer = await setMonitors(ctx, [onEvse, onStation]);
        for (const r of answer) if (r.id !== undefined && r.status === 'Accepted') ids.push(r.id);
        checkMonitorResult(ctx, 'setMonitoringResult (EVSE)', resultFor(answer, onEvse), onEvse, ['Accepted']);
        checkMonitorResult(ctx, 'setMonitoringResult (ChargingStation)', resultFor(answer, onStation), onStation, ['Accepted']);
        return answer;
      });
      const report = await monitoringReport(ctx, { componentVariable: [onEvse, onStation].map(({ component, variable }) => ({ component, variable })) }, { request: '3-4. harness asks for the monitors of both variables; the station accepts', notify: '5-6. station reports them' });
      await ctx.step('Step 5 content: both new monitors are reported', () => {
        const reportedIds = new Set(report.monitors.flatMap((m) => m.variableMonitoring.map((v) => v.id)));
        const missing = [resultFor(results, onEvse)?.id, resultFor(results, onStation)?.id].filter((id) => id === undefined || !reportedIds.has(id));
        ctx.check.that('monitors of step 2 in the report', missing.length === 0, 'both reported', describeMonitors(report.monitors));
      });
    });
  },
});
