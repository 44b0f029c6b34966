/** TC_N_04_CS: a GetMonitoringReportRequest naming a monitoringCriteria the station does not support is answered NotSupported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo } from '../states/monitoring';

/** The criterion the case names besides DeltaMonitoring: the first one the station declares unsupported. */
const unsupportedOf = (criteria: readonly string[]) => criteria.find((c) => c !== 'DeltaMonitoring');

export default defineTestCase({
  id: 'TC_N_04_CS',
  name: 'Get Monitoring Report - for unknown component criteria',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.02'],
  detects: ['monitoring.unsupportedCriteriaAccepted'],
  applicable: (config) =>
    unsupportedOf(config.configured.unsupportedMonitoringCriteria) ? undefined : 'the station supports every monitoringCriteria besides DeltaMonitoring (configured.unsupportedMonitoringCriteria names none)',
  notes:
    '<Configured Unsupported monitoringCriteria> is the first of configured.unsupportedMonitoringCriteria other than DeltaMonitoring (which the ' +
    'request names too, so the station must support it). Part 6 numbers the response step 1 and the request step 2; they are taken in the ' +
    'order of the exchange. Without componentVariable, as Part 6 says.',
  async run(ctx) {
    const unsupported = unsupportedOf(ctx.config.configured.unsupportedMonitoringCriteria) as 'ThresholdMonitoring' | 'PeriodicMonitoring';
    await ctx.step(`2, 1. harness asks for a monitoring report with monitoringCriteria DeltaMonitoring and ${unsupported}; the station answers NotSupported`, async () => {
      const response = await ctx.csms.call('GetMonitoringReport', { requestId: Math.floor(Math.random() * 1_000_000), monitoringCriteria: ['DeltaMonitoring', unsupported] });
      ctx.check.equal('GetMonitoringReportResponse.status', response.status, 'NotSupported');
      checkStatusInfo(ctx, 'GetMonitoringReportResponse', response.statusInfo, ['UnsupportedParam', 'InvalidValue']);
    });
  },
});
