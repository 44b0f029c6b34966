/** TC_B_15_CS: a station without the SummaryInventory report answers NotSupported and sends no report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { VerdictError } from '../../../src/engine/verdict';
import { checkStatusInfo } from '../states';

export default defineTestCase({
  id: 'TC_B_15_CS',
  name: 'Get Base Report - Not Supported base report',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.02', 'B07.FR.05'],
  detects: ['reports.notifyWhenUnsupported'],
  applicable: (config) => (config.configured.summaryInventory ? 'the station supports the optional SummaryInventory report (configured.summaryInventory is true; TC_B_14_CS applies instead)' : undefined),
  notes:
    'Applies when configured.summaryInventory is false. The harness watches for a NotifyReportRequest for the run\'s message timeout ' +
    '(timeouts.messageMs) after the answer; any NotifyReportRequest in that time fails the case (B07.FR.05).',
  run: relyingOnFeature('summaryInventory', async (ctx) => {
    const { step, csms, check, config } = ctx;
    const requestId = Math.floor(Math.random() * 1_000_000);
    await step('1-2. harness asks for a SummaryInventory base report, station answers NotSupported', async () => {
      const response = await csms.call('GetBaseReport', { requestId, reportBase: 'SummaryInventory' });
      check.equal('GetBaseReportResponse.status', response.status, 'NotSupported');
      checkStatusInfo(ctx, 'GetBaseReportResponse.statusInfo', response.statusInfo, ['UnsupportedParam']);
    });
    await step(`Harness watches for ${config.timeouts.messageMs} ms that no NotifyReportRequest arrives`, async () => {
      let sent: string | undefined;
      try {
        // Parts of an earlier report (another requestId) are answered and recorded, not judged as this request's.
        const notify = await csms.expect('NotifyReport', { timeoutMs: config.timeouts.messageMs, where: (c) => c.payload.requestId === requestId, description: `a NotifyReportRequest with requestId ${requestId}` });
        notify.respond({});
        sent = `NotifyReportRequest requestId ${notify.payload.requestId}, seqNo ${notify.payload.seqNo}`;
      } catch (error) {
        if (!(error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT')) throw error;
      }
      check.that('NotifyReportRequest after NotSupported', sent === undefined, 'none', sent ?? 'none');
    });
  }),
});
