/** TC_N_09_CSMS: asked to install Delta monitors on the AvailabilityState of the EVSE and of the station, the CSMS sends them with the recommended value 1 and severity 8. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsAsked, evseVariable, stationVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_09_CSMS',
  name: 'Set Variable Monitoring - Multiple elements on different component and variable',
  sut: 'CSMS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.17'],
  detects: ['setMonitoring.deltaValueZero', 'setMonitoring.severityDropped'],
  notes: 'The operator request is a driver action (setVariableMonitoring, without a value: the CSMS picks it, and N04.FR.17 recommends 1 for a Delta on a non-numeric variable). The EVSE is <Configured evseId>. The harness accepts every monitor.',
  async run(ctx) {
    const wanted = [evseVariable(ctx, 'AvailabilityState'), stationVariable('AvailabilityState')].map((v) => ({ ...v, type: 'Delta' as const, severity: 8 }));
    const call = await csmsAsked(ctx, '1-2. the CSMS sends SetVariableMonitoringRequest; harness accepts every monitor', { kind: 'setVariableMonitoring', stationId: ctx.config.station.id, monitors: wanted }, 'SetVariableMonitoring', (c) =>
      c.respond({ setMonitoringResult: c.payload.setMonitoringData.map((d, i) => ({ id: 100 + i, status: 'Accepted' as const, type: d.type, severity: d.severity, component: d.component, variable: d.variable })) as never }),
    );
    await ctx.step('Step 1: the monitors asked for', () => {
      const data = call.payload.setMonitoringData;
      ctx.check.equal('setMonitoringData count', data.length, wanted.length);
      for (const w of wanted) {
        const d = data.find((x) => x.component.name === w.component && x.component.evse?.id === w.evseId && x.variable.name === w.variable);
        const label = `setMonitoringData ${w.component}.${w.variable}`;
        ctx.check.that(label, d !== undefined, 'present', JSON.stringify(data));
        ctx.check.equal(`${label}.value`, d?.value, 1);
        ctx.check.equal(`${label}.type`, d?.type, 'Delta');
        ctx.check.equal(`${label}.severity`, d?.severity, 8);
      }
    });
  },
});
