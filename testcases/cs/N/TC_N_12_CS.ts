/** TC_N_12_CS: a Delta monitor with a negative value is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_12_CS',
  name: 'Set Variable Monitoring - Value out of range - Delta monitor',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.14'],
  detects: ['monitoring.rangeIgnored'],
  notes: 'The variable is EVSE AvailabilityState of <Configured evseId>; should the station accept the monitor anyway, the harness clears it afterwards.',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: -1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step('1-2. harness sets a Delta monitor with value -1; the station rejects it', async () => {
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined && result.status === 'Accepted') ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['Rejected'], ['ValueOutOfRange', 'ValuePositiveOnly']);
      });
    });
  },
});
