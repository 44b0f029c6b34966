/** TC_N_07_CS: a SetMonitoringBaseRequest for a monitoringBase the station does not support is answered NotSupported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo, restoreMonitoring } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_07_CS',
  name: 'Set Monitoring Base - for unknown base type',
  sut: 'CS',
  useCases: ['N03'],
  requirements: ['N03.FR.02'],
  detects: ['monitoring.unsupportedBaseAccepted'],
  applicable: (config) => (config.configured.unsupportedMonitoringBase.length > 0 ? undefined : 'the station supports every monitoringBase (configured.unsupportedMonitoringBase is empty)'),
  notes:
    '<Configured unsupported_monitoringBase> is the first of configured.unsupportedMonitoringBase. Should the station take it all the same, ' +
    'the harness sets monitoring base All again afterwards (clean-up).',
  async run(ctx) {
    const monitoringBase = ctx.config.configured.unsupportedMonitoringBase[0];
    let changed = false;
    try {
      await ctx.step(`1-2. harness sets monitoring base ${monitoringBase}; the station answers NotSupported`, async () => {
        const response = await ctx.csms.call('SetMonitoringBase', { monitoringBase });
        changed = response.status === 'Accepted';
        ctx.check.equal('SetMonitoringBaseResponse.status', response.status, 'NotSupported');
        checkStatusInfo(ctx, 'SetMonitoringBaseResponse', response.statusInfo, ['UnsupportedParam', 'InvalidValue']);
      });
    } finally {
      if (changed) await restoreMonitoring(ctx, [], { base: true });
    }
  },
});
