/** TC_N_37_CS: a monitor on a variable the component does not have is answered UnknownVariable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_37_CS',
  name: 'Set Variable Monitoring - Unknown Variable',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.04'],
  detects: ['monitoring.unknownVariableAsComponent'],
  notes: 'The component is EVSE <Configured evseId> (Part 6 names no EVSE; a station may then take the component as unknown). The variable name is unknownVariable (Part 6 also spells it unkownVariable; the result must name what was sent, N04.FR.02).',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'unknownVariable' }, type: 'Delta' as const, value: 1, severity };
    await ctx.step('1-2. harness sets a Delta monitor on EVSE.unknownVariable; the station answers UnknownVariable', async () => {
      checkMonitorResult(ctx, 'setMonitoringResult', resultFor(await setMonitors(ctx, [asked]), asked), asked, ['UnknownVariable'], ['NotFound', 'NoError']);
    });
  },
});
