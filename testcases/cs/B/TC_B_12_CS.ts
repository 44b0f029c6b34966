/** TC_B_12_CS: the station sends a ConfigurationInventory base report of writable variables only, with characteristics, including every required writable one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { baseReport } from '../states/report';
import { checkCharacteristicsPresent, checkRequiredReported, checkValuesListPresent, mutabilityOf, reportKey, requestedReport, requiredKeys } from '../states';

export default defineTestCase({
  id: 'TC_B_12_CS',
  name: 'Get Base Report - ConfigurationInventory',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.07', 'B07.FR.10', 'B07.FR.12'],
  detects: ['reports.wrongSeqNo', 'reports.noCharacteristics', 'reports.configurationReadOnly'],
  notes:
    'Which required variables are writable is learnt from a FullInventory base report the harness asks for after the main scenario ' +
    '(a preparation of the post-scenario validation, not part of it): every required component-variable (Part 2 device model appendix, ' +
    'chosen as in TC_B_13_CS) that the full report shows as ReadWrite or WriteOnly must be in the ConfigurationInventory report. ' +
    'The valuesList of list-typed variables is checked over every reportData once the report is complete.',
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a ConfigurationInventory base report', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetBaseReport', reportBase: 'ConfigurationInventory' });
    const full = await baseReport(ctx, 'Preparation: harness reads the FullInventory report to learn which required variables are writable', 'FullInventory');
    await ctx.step('Post scenario: only writable variables, all with characteristics, list types with valuesList, required writable ones present', () => {
      checkCharacteristicsPresent(ctx, entries);
      checkValuesListPresent(ctx, entries);
      const readOnly = entries.filter((e) => !['ReadWrite', 'WriteOnly'].includes(mutabilityOf(e))).map(reportKey);
      ctx.check.that('reportData with mutability other than ReadWrite or WriteOnly', readOnly.length === 0, 'none', readOnly.length === 0 ? 'none' : readOnly.slice(0, 20).join(', '));
      const required = new Set(requiredKeys(ctx.config, full).map((key) => key.toLowerCase()));
      const writable = full.filter((e) => required.has(reportKey(e).toLowerCase()) && mutabilityOf(e) !== 'ReadOnly').map(reportKey);
      checkRequiredReported(ctx, entries, writable);
    });
  },
});
