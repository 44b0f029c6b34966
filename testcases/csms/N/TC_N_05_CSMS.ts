/** TC_N_05_CSMS: the CSMS sets each of the three monitoring bases when asked. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsAsked } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_05_CSMS',
  name: 'Set Monitoring Base - success',
  sut: 'CSMS',
  useCases: ['N03'],
  requirements: ['N03.FR.03', 'N03.FR.04', 'N03.FR.05'],
  detects: ['monitoringBase.alwaysAll'],
  notes: 'The operator requests are driver actions (setMonitoringBase); the harness accepts each. Part 6 numbers the third validation step 6; it is the request of step 5.',
  async run(ctx) {
    for (const [numbers, monitoringBase] of [['1-2', 'All'], ['3-4', 'FactoryDefault'], ['5-6', 'HardWiredOnly']] as const) {
      const call = await csmsAsked(ctx, `${numbers}. the CSMS sets monitoring base ${monitoringBase}; harness accepts`, { kind: 'setMonitoringBase', stationId: ctx.config.station.id, monitoringBase }, 'SetMonitoringBase', (c) => c.respond({ status: 'Accepted' }));
      await ctx.step(`Step ${numbers.split('-')[0]}: monitoringBase ${monitoringBase}`, () => ctx.check.equal('SetMonitoringBaseRequest.monitoringBase', call.payload.monitoringBase, monitoringBase));
    }
  },
});
