/** TC_N_13_CS: an UpperThreshold monitor above the maximum of its variable is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_13_CS',
  name: 'Set Variable Monitoring - Value out of range - Threshold monitor',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.06', 'N04.FR.13'],
  detects: ['monitoring.rangeIgnored'],
  notes:
    'Follows errata 2025-02 (6.2.88): the component-variable and the value are configured (configured.thresholdMonitor, default EVSE.Power ' +
    'above its maxLimit); an EVSE or Connector component is taken on <Configured evseId>. Part 6 cites N04.FR.13, but the refusal of a ' +
    'threshold outside the variable\'s range is N04.FR.06, listed too.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity, thresholdMonitor } = ctx.config.configured;
    const onEvse = thresholdMonitor.component === 'EVSE' || thresholdMonitor.component === 'Connector';
    const asked = { component: { name: thresholdMonitor.component, ...(onEvse ? { evse: { id: evseId, ...(thresholdMonitor.component === 'Connector' ? { connectorId: ctx.config.configured.connectorId } : {}) } } : {}) }, variable: { name: thresholdMonitor.variable }, type: 'UpperThreshold' as const, value: thresholdMonitor.valueAboveMaxLimit, severity };
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step(`1-2. harness sets an UpperThreshold of ${asked.value} on ${thresholdMonitor.component}.${thresholdMonitor.variable}; the station rejects it`, async () => {
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined && result.status === 'Accepted') ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['Rejected'], ['ValueOutOfRange']);
      });
    });
  },
});
