/** TC_B_18_CS: componentCriteria narrow a custom report: EVSE #1's AvailabilityState is reported under Available, and the result is empty under Problem. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEvse1Availability, checkStatusInfo, EVSE1_AVAILABILITY, requestedReport } from '../states';

export default defineTestCase({
  id: 'TC_B_18_CS',
  name: 'Get Custom Report - with component criteria and component/variable',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.05', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14', 'B08.FR.15'],
  detects: ['reports.ignoresCriteria', 'reports.evseIgnored', 'reports.wrongSeqNo'],
  notes:
    'As Part 6 assumes, EVSE #1 is available and has no Problem variable set to true, so the second request must give EmptyResultSet. ' +
    'The report content of step 3 is checked as in TC_B_17_CS.',
  async run(ctx) {
    const { step, csms, check } = ctx;
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for EVSE #1 AvailabilityState of Available components', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetReport', componentCriteria: ['Available'], componentVariable: [EVSE1_AVAILABILITY] });
    await step('Step 3 content: the report describes EVSE #1 AvailabilityState', () => checkEvse1Availability(ctx, entries));
    await step('5-6. harness asks for EVSE #1 AvailabilityState of components with a Problem, station answers EmptyResultSet', async () => {
      const response = await csms.call('GetReport', { requestId: Math.floor(Math.random() * 1_000_000), componentCriteria: ['Problem'], componentVariable: [EVSE1_AVAILABILITY] });
      check.equal('GetReportResponse.status', response.status, 'EmptyResultSet');
      checkStatusInfo(ctx, 'GetReportResponse.statusInfo', response.statusInfo, ['NotFound']);
    });
  },
});
