/** TC_B_14_CSMS: asked by its operator, the CSMS retrieves a SummaryInventory base report, takes in every part of it and can show it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { baseReportRetrieved } from '../states';

export default defineTestCase({
  id: 'TC_B_14_CSMS',
  name: 'Get Base Report - SummaryInventory',
  sut: 'CSMS',
  useCases: ['B07'],
  requirements: ['B07.FR.09'],
  detects: ['report.wrongBase', 'report.negativeRequestId', 'report.laterPartsIgnored'],
  notes:
    'The operator request is a driver action. For the post scenario validation the harness sends the report in two ' +
    'NotifyReportRequests with the requestId of the request (tbc true, then false), each of which the CSMS must answer, and then asks ' +
    'the CSMS side (operator, webhook or reference CSMS) to confirm that it shows the values of both parts; an answer that it does not fails the case. Part 6 makes the case conditional on the CSMS supporting this optional report; there is no configuration of CSMS capabilities, so it always runs.',
  async run(ctx) {
    await baseReportRetrieved(ctx, 'SummaryInventory');
  },
});
