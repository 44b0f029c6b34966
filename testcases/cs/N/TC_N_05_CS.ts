/** TC_N_05_CS: a station accepts each of the three monitoring bases. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo, restoreMonitoring } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_05_CS',
  name: 'Set Monitoring Base - success',
  sut: 'CS',
  useCases: ['N03'],
  requirements: ['N03.FR.01', 'N03.FR.03', 'N03.FR.04', 'N03.FR.05'],
  detects: ['monitoring.hardWiredOnlyNotSupported'],
  notes: 'Afterwards the harness sets monitoring base All again (clean-up), so the station\'s preconfigured monitors are active for the next case.',
  async run(ctx) {
    try {
      for (const [numbers, monitoringBase] of [['1-2', 'All'], ['3-4', 'FactoryDefault'], ['5-6', 'HardWiredOnly']] as const) {
        await ctx.step(`${numbers}. harness sets monitoring base ${monitoringBase}; the station accepts`, async () => {
          const response = await ctx.csms.call('SetMonitoringBase', { monitoringBase });
          ctx.check.equal('SetMonitoringBaseResponse.status', response.status, 'Accepted');
          checkStatusInfo(ctx, 'SetMonitoringBaseResponse', response.statusInfo, ['NoError']);
        });
      }
    } finally {
      await restoreMonitoring(ctx, [], { base: true });
    }
  },
});
