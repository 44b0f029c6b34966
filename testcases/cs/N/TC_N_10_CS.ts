/** TC_N_10_CS: a station installs two Delta monitors of different severity on the same variable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_10_CS',
  name: 'Set Variable Monitoring - Multiple monitors on the same component and variable',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  detects: ['monitoring.severityIgnoredForDuplicates'],
  notes: 'Results may come in any order; each is matched by its severity. The harness clears the monitors afterwards (clean-up).',
  async run(ctx) {
    const evseId = ctx.config.configured.evseId;
    const monitor = (severity: number) => ({ component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity });
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step('1-2. harness sets two Delta monitors (severity 8 and 7) on EVSE AvailabilityState; the station accepts both', async () => {
        const asked = [monitor(8), monitor(7)];
        const results = await setMonitors(ctx, asked);
        for (const r of results) if (r.id !== undefined && r.status === 'Accepted') ids.push(r.id);
        for (const a of asked) checkMonitorResult(ctx, `setMonitoringResult (severity ${a.severity})`, results.find((r) => r.severity === a.severity), a, ['Accepted']);
        ctx.check.that('ids of the two monitors', results[0]?.id !== results[1]?.id, 'different', results.map((r) => String(r.id)).join(', '));
      });
    });
  },
});
