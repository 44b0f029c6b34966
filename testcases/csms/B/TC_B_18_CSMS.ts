/** TC_B_18_CSMS: the CSMS asks for a custom report by component criterion and component variable, and copes with an empty result. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customReportAsked, evseAvailabilityReported } from '../states';

export default defineTestCase({
  id: 'TC_B_18_CSMS',
  name: 'Get Custom Report - with componentCriteria and component/variables',
  sut: 'CSMS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03'],
  detects: ['report.criteriaDropped'],
  notes:
    'Both operator requests are driver actions. componentCriteria must hold exactly the one criterion asked for. EVSE #1 is taken ' +
    'literally (evse.id 1), as the tool validations name it. The report of step 5 carries the requestId of the second GetReportRequest ' +
    'and reports AvailabilityState Available for EVSE 1.',
  async run(ctx) {
    await customReportAsked(ctx, '1-2. CSMS sends GetReportRequest (Problem, EVSE 1 AvailabilityState), harness answers EmptyResultSet', 'Problem', 'EmptyResultSet');
    const second = await customReportAsked(ctx, '3-4. CSMS sends GetReportRequest (Available, EVSE 1 AvailabilityState), harness accepts it', 'Available', 'Accepted');
    await evseAvailabilityReported(ctx, '5-6. harness sends NotifyReportRequest, CSMS answers', second.requestId);
  },
});
