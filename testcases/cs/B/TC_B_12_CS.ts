/** TC_B_12_CS: the station sends a ConfigurationInventory base report of writable variables only, with characteristics, including every required writable one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { baseReport } from '../states/report';
import { requiredWritableKeys } from '../states/device-model-appendix';
import { checkCharacteristicsPresent, checkValuesListPresent, missingKeys, mutabilityOf, reportKey, requestedReport } from '../states';

export default defineTestCase({
  id: 'TC_B_12_CS',
  name: 'Get Base Report - ConfigurationInventory',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.07', 'B07.FR.10', 'B07.FR.12'],
  detects: ['reports.wrongSeqNo', 'reports.noCharacteristics', 'reports.configurationReadOnly'],
  notes:
    'Which required variables are writable comes from Part 2 ("Referenced Components and Variables"), not from the station: every ' +
    'required component-variable Part 2 gives mutability ReadWrite must be in the ConfigurationInventory report, so a station that ' +
    'leaves one out (or reports it ReadOnly elsewhere) fails with the variable named. Where Part 2 leaves ReadWrite or ReadOnly to the ' +
    'implementation (AuthorizeRemoteStart, UnlockOnEVSideDisconnect, StopTxOnEVSideDisconnect, TxStartPoint, TxStopPoint) the station\'s ' +
    'own FullInventory report decides. "Each functional block that has been implemented" is read as the core controllers plus every ' +
    'controller either report shows; the FullInventory report is a harness preparation after the main scenario, not a validation. ' +
    'The valuesList of list-typed variables is checked over every reportData once the report is complete.',
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a ConfigurationInventory base report', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetBaseReport', reportBase: 'ConfigurationInventory' });
    const full = await baseReport(ctx, 'Preparation: harness reads the FullInventory report to learn which functional blocks the station implements', 'FullInventory');
    await ctx.step('Post scenario: only writable variables, all with characteristics, list types with valuesList, required writable ones present', () => {
      checkCharacteristicsPresent(ctx, entries);
      checkValuesListPresent(ctx, entries);
      const readOnly = entries.filter((e) => !['ReadWrite', 'WriteOnly'].includes(mutabilityOf(e))).map(reportKey);
      ctx.check.that('reportData with mutability other than ReadWrite or WriteOnly', readOnly.length === 0, 'none', readOnly.length === 0 ? 'none' : readOnly.slice(0, 20).join(', '));
      const required = requiredWritableKeys(ctx.config, full, entries);
      const missing = missingKeys(entries, required);
      ctx.check.that(
        'required ReadWrite component-variables (Part 2 appendix) missing from the ConfigurationInventory report',
        missing.length === 0,
        `none (of ${required.length} required)`,
        missing.length === 0 ? 'none' : missing.join(', '),
      );
    });
  },
});
