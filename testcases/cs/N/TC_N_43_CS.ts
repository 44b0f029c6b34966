/** TC_N_43_CS: in one request, the valid first and third monitors are accepted and the invalid second one is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_43_CS',
  name: 'Set Variable Monitoring - First SetMonitoringData and third SetMonitoringData are valid, but the second contains an out of range value',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.06', 'N04.FR.14'],
  detects: ['monitoring.rangeIgnored'],
  notes:
    'Follows errata 2024-11 (6.2.104, no statusInfo validation for the refused element) and 2025-02 (6.2.105): UpperThreshold <Configured ' +
    'threshold monitor value>, Delta -1.0 and LowerThreshold <Configured threshold monitor2 value> on <Configured threshold monitor component ' +
    'variable>, with <Configured severity>. The accepted monitors are cleared afterwards.',
  async run(ctx) {
    const { monitorSeverity: severity, thresholdMonitor } = ctx.config.configured;
    const target = thresholdComponent(ctx);
    const asked = [
      { ...target, type: 'UpperThreshold' as const, value: thresholdMonitor.upper, severity },
      { ...target, type: 'Delta' as const, value: -1.0, severity },
      { ...target, type: 'LowerThreshold' as const, value: thresholdMonitor.lower, severity },
    ];
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step('1-2. harness sets three monitors, the second with a negative delta; the station accepts the first and third only', async () => {
        const results = await setMonitors(ctx, asked);
        for (const r of results) if (r.id !== undefined && r.status === 'Accepted') ids.push(r.id);
        for (const [type, status] of [['UpperThreshold', 'Accepted'], ['Delta', 'Rejected'], ['LowerThreshold', 'Accepted']] as const) {
          const result = results.find((r) => r.type === type);
          ctx.check.equal(`setMonitoringResult (${type}).status`, result?.status, status);
          if (status === 'Accepted') ctx.check.that(`setMonitoringResult (${type}).statusInfo`, result?.statusInfo === undefined || result.statusInfo.reasonCode === 'NoError', 'absent or reasonCode NoError', JSON.stringify(result?.statusInfo));
        }
      });
    });
  },
});
