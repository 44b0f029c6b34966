/** TC_N_53_CS: a monitor set by the CSMS is still there after the station reboots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted } from '../states';
import { checkMonitorResult, describeMonitors, monitoringReport, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_53_CS',
  name: 'Alert Event - Persistant over reboot',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.13'],
  detects: ['monitoring.notPersistent'],
  notes:
    'Follows errata 2025-02 (6.2.109): an UpperThreshold of <Configured threshold monitor value> on <Configured threshold monitor component ' +
    'variable> (<Configured severity>), then Reusable State Booted (by reset); the report of threshold monitors must still hold it by its id. ' +
    'It is cleared afterwards.',
  async run(ctx) {
    const { monitorSeverity: severity, thresholdMonitor } = ctx.config.configured;
    const upper = { ...thresholdComponent(ctx), type: 'UpperThreshold' as const, value: thresholdMonitor.upper, severity };
    await withCustomMonitors(ctx, async (ids) => {
      const id = await ctx.step('Memory State: harness sets the UpperThreshold monitor', async () => {
        const result = resultFor(await setMonitors(ctx, [upper]), upper);
        if (result?.id !== undefined) ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, upper, ['Accepted']);
        return result?.id;
      });
      await ctx.step('Reusable State Booted', () => booted(ctx, 'reset'));
      const report = await monitoringReport(ctx, { monitoringCriteria: ['ThresholdMonitoring'] }, { request: '1-2. harness asks for the threshold monitors; the station accepts', notify: '3-4. station reports them until tbc is false' });
      await ctx.step(`Step 3 content: UpperThreshold monitor ${id} is still there`, () => {
        const kept = report.monitors.some((m) => m.variableMonitoring.some((v) => v.id === id && v.type === 'UpperThreshold'));
        ctx.check.that(`monitor ${id}`, kept, 'reported as UpperThreshold', describeMonitors(report.monitors));
      });
    });
  },
});
