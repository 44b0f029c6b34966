/** TC_N_11_CS: monitors on a component the station does not have (an EVSE it lacks, an unknown component) are refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_11_CS',
  name: 'Set Variable Monitoring - Unknown component',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.03'],
  detects: ['monitoring.unknownEvseAccepted'],
  notes:
    'Part 6 lists variable.name AvailabilityState for the second result but sends Power; the result must name what ' +
    'was sent (N04.FR.02), so Power is expected. statusInfo.reasonCode of the first may be UnknownEVSE or NotFound.',
  async run(ctx) {
    const severity = ctx.config.configured.monitorSeverity;
    const unknownEvse = { component: { name: 'EVSE', evse: { id: 99 } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    const unknownComponent = { component: { name: 'NonExistent' }, variable: { name: 'Power' }, type: 'UpperThreshold' as const, value: 1234.0, severity };
    await ctx.step('1-2. harness sets monitors on EVSE 99 and on component NonExistent; the station refuses both', async () => {
      const results = await setMonitors(ctx, [unknownEvse, unknownComponent]);
      checkMonitorResult(ctx, 'setMonitoringResult (EVSE 99)', resultFor(results, unknownEvse), unknownEvse, ['UnknownComponent', 'Rejected'], ['UnknownEVSE', 'NotFound']);
      checkMonitorResult(ctx, 'setMonitoringResult (NonExistent)', resultFor(results, unknownComponent), unknownComponent, ['UnknownComponent', 'UnknownVariable'], ['NotFound']);
    });
  },
});
