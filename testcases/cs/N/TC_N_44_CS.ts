/** TC_N_44_CS: a hard-wired monitor cannot be cleared. */
import { defineTestCase } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { monitoringReport } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_44_CS',
  name: 'Clear Monitoring - Rejected',
  sut: 'CS',
  useCases: ['N06'],
  requirements: ['N06.FR.03'],
  detects: ['monitoring.hardWiredCleared'],
  notes:
    'Part 6 takes the first monitor the station reports as hard-coded. NotifyMonitoringReport does not say which monitors are hard-wired, so the ' +
    'harness first sets monitoring base HardWiredOnly (N03.FR.05: only hard-wired monitors remain) and takes the first monitor reported then; ' +
    'a station without any is inconclusive (Part 5 AQ-5 makes the case conditional). Monitoring base All is set again afterwards.',
  async run(ctx) {
    try {
      const id = await ctx.step('Memory State: harness keeps only the hard-wired monitors and reads them', async () => {
        ctx.check.equal('SetMonitoringBaseResponse.status', (await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'HardWiredOnly' })).status, 'Accepted');
        const report = await monitoringReport(ctx, {}, { request: 'Preparation: harness asks for every monitor', notify: 'Preparation: the station reports them' }, 'probe');
        const first = report.monitors[0]?.variableMonitoring[0]?.id;
        if (first === undefined) throw inconclusive('OCPPCT_PRECONDITION', 'the station reports no hard-wired monitor, so there is none to try to clear');
        return first;
      });
      await ctx.step(`1-2. harness clears hard-wired monitor ${id}; the station refuses`, async () => {
        const response = await ctx.csms.call('ClearVariableMonitoring', { id: [id] });
        ctx.check.equal('clearMonitoringResult[0].status', response.clearMonitoringResult.find((r) => r.id === id)?.status, 'Rejected');
      });
    } finally {
      await ctx.step('Afterwards: monitoring base All again (clean-up)', async () => void (await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'All' }))).catch(() => undefined);
    }
  },
});
