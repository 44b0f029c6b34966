/** TC_N_17_CS: a station refuses monitoring levels outside 0-9. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_17_CS',
  name: 'Set Monitoring Level - Out of range',
  sut: 'CS',
  useCases: ['N05'],
  requirements: ['N05.FR.02'],
  detects: ['monitoring.levelOutOfRangeAccepted'],
  async run(ctx) {
    for (const [numbers, severity, reason] of [['1-2', 10, 'ValueTooHigh'], ['3-4', -1, 'ValueTooLow']] as const) {
      await ctx.step(`${numbers}. harness sets monitoring level ${severity}; the station rejects it`, async () => {
        const response = await ctx.csms.call('SetMonitoringLevel', { severity });
        ctx.check.equal('SetMonitoringLevelResponse.status', response.status, 'Rejected');
        checkStatusInfo(ctx, 'SetMonitoringLevelResponse', response.statusInfo, ['ValueOutOfRange', reason]);
      });
    }
  },
});
