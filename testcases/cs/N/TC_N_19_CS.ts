/** TC_N_19_CS: clearing a monitor id the station does not have is answered NotFound. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo, monitoringReport } from '../states/monitoring';

/** The id used when the station reports no monitors at all (Part 6's example value). */
const FALLBACK_ID = 123456;

export default defineTestCase({
  id: 'TC_N_19_CS',
  name: 'Clear Monitoring - Not found',
  sut: 'CS',
  useCases: ['N06'],
  requirements: ['N06.FR.02'],
  detects: ['monitoring.clearUnknownAccepted'],
  notes: 'The id is the highest id the station reports plus 1, or 123456 when it reports none; the validation expects that id (Part 6 prints 123456).',
  async run(ctx) {
    const report = await monitoringReport(ctx, {}, { request: 'Preparation: harness asks for every monitor', notify: 'Preparation: the station reports them' }, 'probe');
    const ids = report.monitors.flatMap((m) => m.variableMonitoring.map((v) => v.id)) ?? [];
    const id = ids.length > 0 ? Math.max(...ids) + 1 : FALLBACK_ID;
    await ctx.step(`1-2. harness clears monitor ${id}, which does not exist; the station answers NotFound`, async () => {
      const response = await ctx.csms.call('ClearVariableMonitoring', { id: [id] });
      const result = response.clearMonitoringResult.find((r) => r.id === id);
      ctx.check.equal('clearMonitoringResult.id', result?.id, id);
      ctx.check.equal('clearMonitoringResult.status', result?.status, 'NotFound');
      checkStatusInfo(ctx, 'clearMonitoringResult', result?.statusInfo, ['NotFound']);
    });
  },
});
