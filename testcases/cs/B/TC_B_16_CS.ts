/** TC_B_16_CS: a custom report with componentCriteria Enabled lists the Enabled variables set to true, which GetVariables confirms and the full report agrees with. */
import { defineTestCase } from '../../../src/engine/testcase';
import { baseReport } from '../states/report';
import { checkCharacteristicsPresent, checkNotEmpty, mutabilityOf, reportKey, requestedReport } from '../states';

export default defineTestCase({
  id: 'TC_B_16_CS',
  name: 'Get Custom Report - with component criteria',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.07', 'B08.FR.09', 'B08.FR.10', 'B08.FR.12', 'B08.FR.13', 'B08.FR.14', 'B06.FR.09'],
  detects: ['reports.ignoresCriteria', 'reports.noCharacteristics', 'reports.wrongSeqNo'],
  notes:
    'As Part 6 reads B08.FR.09, componentCriteria Enabled alone reports the Enabled variables whose value is "true". Step 6 follows errata ' +
    '2025-09 (6.2.12): a variable reported as WriteOnly must be Rejected without attributeValue, any other Accepted with "true". All reported ' +
    'variables are read in one GetVariablesRequest. For the post-scenario validation the harness reads a FullInventory base report afterwards; ' +
    'every Enabled variable with Actual value "true" there must be in the custom report. The requirement id B089.FR.10 in Part 6 is read as B08.FR.10.',
  async run(ctx) {
    const { step, csms, check } = ctx;
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a custom report with componentCriteria Enabled', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetReport', componentCriteria: ['Enabled'] });
    await step('Step 3 content: only Enabled variables with value true, with characteristics', () => {
      checkNotEmpty(ctx, entries);
      checkCharacteristicsPresent(ctx, entries);
      const other = entries.filter((e) => e.variable.name !== 'Enabled').map(reportKey);
      check.that('reportData.variable.name other than Enabled', other.length === 0, 'none', other.join(', ') || 'none');
      const notTrue = entries.filter((e) => mutabilityOf(e) !== 'WriteOnly' && e.variableAttribute.some((a) => a.value !== 'true')).map(reportKey);
      check.that('reportData.variableAttribute.value other than "true"', notTrue.length === 0, 'none', notTrue.join(', ') || 'none');
    });
    await step('5-6. harness reads every reported variable with GetVariablesRequest', async () => {
      if (entries.length === 0) return;
      const [first, ...rest] = entries.map((e) => ({ component: e.component, variable: e.variable }));
      const response = await csms.call('GetVariables', { getVariableData: [first, ...rest] });
      check.equal('GetVariablesResponse.getVariableResult count', response.getVariableResult.length, entries.length);
      entries.forEach((entry) => {
        const result = response.getVariableResult.find((r) => reportKey(r) === reportKey(entry));
        const label = `GetVariablesResponse ${reportKey(entry)}`;
        if (mutabilityOf(entry) === 'WriteOnly') {
          check.equal(`${label} attributeStatus`, result?.attributeStatus, 'Rejected');
          check.equal(`${label} attributeValue`, result?.attributeValue, undefined);
        } else {
          check.equal(`${label} attributeStatus`, result?.attributeStatus, 'Accepted');
          check.equal(`${label} attributeValue`, result?.attributeValue, 'true');
        }
      });
    });
    const full = await baseReport(ctx, 'Preparation: harness reads the FullInventory report', 'FullInventory');
    await step('Post scenario: every Enabled variable that is true in the full report is in the custom report', () => {
      const reported = new Set(entries.map(reportKey));
      const missing = full.filter((e) => e.variable.name === 'Enabled' && e.variableAttribute.some((a) => (a.type ?? 'Actual') === 'Actual' && a.value === 'true')).map(reportKey).filter((key) => !reported.has(key));
      check.that('Enabled variables true in FullInventory but missing from the custom report', missing.length === 0, 'none', missing.join(', ') || 'none');
    });
  },
});
