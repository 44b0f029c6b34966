/** TC_B_13_CS: the station sends a FullInventory base report with characteristics and at least the required component-variables. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkCharacteristicsPresent, checkRequiredReported, checkValuesListPresent, requestedReport, requiredKeys } from '../states';

export default defineTestCase({
  id: 'TC_B_13_CS',
  name: 'Get Base Report - FullInventory',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.08', 'B07.FR.10', 'B07.FR.12'],
  detects: ['reports.wrongSeqNo', 'reports.noCharacteristics', 'reports.missingMandatory'],
  notes:
    'The valuesList of list-typed variables is checked over every reportData once the report is complete. Required variables come from the ' +
    'Part 2 device model appendix: those of ChargingStation, of each configured EVSE and Connector, of the controllers of the core blocks ' +
    '(DeviceDataCtrlr, OCPPCommCtrlr, ClockCtrlr, SecurityCtrlr, AuthCtrlr, TxCtrlr, SampledDataCtrlr) and of every other controller the ' +
    'report contains (a block the station implements). generatedAt must lie between the request and the message, within configured.maxTimeDeviationSeconds.',
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a FullInventory base report', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetBaseReport', reportBase: 'FullInventory' });
    await ctx.step('Post scenario: every variable has characteristics, list types have valuesList, required variables are present', () => {
      checkCharacteristicsPresent(ctx, entries);
      checkValuesListPresent(ctx, entries);
      checkRequiredReported(ctx, entries, requiredKeys(ctx.config, entries));
    });
  },
});
