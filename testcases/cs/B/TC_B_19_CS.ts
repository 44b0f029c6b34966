/** TC_B_19_CS: a GetReportRequest naming a componentCriteria the station does not support is answered NotSupported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { checkStatusInfo } from '../states';

export default defineTestCase({
  id: 'TC_B_19_CS',
  name: 'Get Custom Report - for unknown component criteria',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.02'],
  detects: ['reports.unsupportedCriteriaAccepted'],
  applicable: (config) => (config.configured.unsupportedComponentCriteria.length === 0 ? 'the station supports every componentCriteria (configured.unsupportedComponentCriteria is empty)' : undefined),
  notes:
    '<Configured Unsupported componentCriteria> is the first of configured.unsupportedComponentCriteria; the case applies only when that list ' +
    'is not empty. The request names Available and that criterion (once, should it be Available itself), without componentVariable.',
  run: relyingOnFeature('unsupportedComponentCriteria', async (ctx) => {
    const { step, csms, check, config } = ctx;
    const unsupported = config.configured.unsupportedComponentCriteria[0];
    const criteria: OcppRequests['GetReport']['componentCriteria'] = unsupported === 'Available' ? ['Available'] : ['Available', unsupported];
    await step(`1-2. harness asks for a custom report with componentCriteria ${criteria.join(', ')}, station answers NotSupported`, async () => {
      const response = await csms.call('GetReport', { requestId: Math.floor(Math.random() * 1_000_000), componentCriteria: criteria });
      check.equal('GetReportResponse.status', response.status, 'NotSupported');
      checkStatusInfo(ctx, 'GetReportResponse.statusInfo', response.statusInfo, ['UnsupportedParam', 'InvalidValue']);
    });
  }),
});
