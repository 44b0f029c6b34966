/** TC_B_17_CS: a custom report for EVSE #1's AvailabilityState holds just that variable, described as Part 2 defines it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEvse1Availability, EVSE1_AVAILABILITY, requestedReport } from '../states';

export default defineTestCase({
  id: 'TC_B_17_CS',
  name: 'Get Custom Report - with component/variable',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  detects: ['reports.evseIgnored', 'reports.noCharacteristics', 'reports.wrongSeqNo'],
  notes:
    'The valuesList is compared as a set of members, whitespace around commas ignored. The report must hold EVSE[1].AvailabilityState and nothing ' +
    'else (B08.FR.11); a missing variableAttribute.type counts as Actual (its schema default).',
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a custom report of EVSE #1 AvailabilityState', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetReport', componentVariable: [EVSE1_AVAILABILITY] });
    await ctx.step('Step 3 content: the report describes EVSE #1 AvailabilityState', () => checkEvse1Availability(ctx, entries));
  },
});
