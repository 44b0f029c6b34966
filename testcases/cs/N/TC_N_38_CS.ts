/** TC_N_38_CS: a threshold monitor on a non-numeric variable is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_38_CS',
  name: 'Set Variable Monitoring - Not supported MonitorType',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.05'],
  detects: ['monitoring.thresholdOnTextAccepted'],
  notes: 'The component is EVSE <Configured evseId>; value 1 and <Configured severity> complete the request (Part 6 names neither). An accepted monitor would be cleared afterwards.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'UpperThreshold' as const, value: 1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step('1-2. harness sets an UpperThreshold on EVSE AvailabilityState (not a number); the station refuses it', async () => {
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined && result.status === 'Accepted') ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['UnsupportedMonitorType', 'Rejected'], ['NoError', 'UnsupportedParam', 'InvalidValue', 'NotSupported']);
      });
    });
  },
});
