/** TC_B_14_CS: the station sends a SummaryInventory base report with the availability of the station and each EVSE and every active problem. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { baseReport } from '../states/report';
import { checkCharacteristicsPresent, checkRequiredReported, checkValuesListPresent, reportKey, requestedReport } from '../states';

/** Variables that, set to "true", mark a component in an abnormal state (B07.FR.09). */
const PROBLEM_VARIABLES = ['Problem', 'Tripped', 'Overload', 'Fallback'];

export default defineTestCase({
  id: 'TC_B_14_CS',
  name: 'Get Base Report - SummaryInventory',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.09', 'B07.FR.10', 'B07.FR.12'],
  detects: ['reports.wrongSeqNo', 'reports.noCharacteristics', 'reports.summaryWithoutEvse'],
  applicable: (config) => (config.configured.summaryInventory ? undefined : 'the station does not support the optional SummaryInventory report (configured.summaryInventory is false; TC_B_15_CS applies instead)'),
  notes:
    'Applies when configured.summaryInventory is true (SummaryInventory is optional; errata 2025-09 adds this case as optional to Core). ' +
    'The report must hold ChargingStation.AvailabilityState and the AvailabilityState of every configured EVSE. To find the components in an ' +
    'abnormal state, the harness reads a FullInventory base report after the main scenario: each Problem, Tripped, Overload or Fallback ' +
    'variable it shows as "true" must be in the summary. Connector availability (only when it differs from its EVSE) and other ' +
    'diagnostically relevant variables are left to the station and not checked.',
  run: relyingOnFeature('summaryInventory', async (ctx) => {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a SummaryInventory base report', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetBaseReport', reportBase: 'SummaryInventory' });
    const full = await baseReport(ctx, 'Preparation: harness reads the FullInventory report to find the components in an abnormal state', 'FullInventory');
    await ctx.step('Post scenario: characteristics and valuesList present; availability of the station and every EVSE and all active problems reported', () => {
      checkCharacteristicsPresent(ctx, entries);
      checkValuesListPresent(ctx, entries);
      const problems = full.filter((e) => PROBLEM_VARIABLES.includes(e.variable.name) && e.variableAttribute.some((a) => a.type === 'Actual' && a.value === 'true')).map(reportKey);
      const availability = ['ChargingStation.AvailabilityState', ...ctx.config.station.evses.map((evse) => `EVSE[${evse.id}].AvailabilityState`)];
      checkRequiredReported(ctx, entries, [...availability, ...problems]);
    });
  }),
});
