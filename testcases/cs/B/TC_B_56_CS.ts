/** TC_B_56_CS: a custom report naming the EVSE component without evse lists the variable of every EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customReportOf } from '../states';

export default defineTestCase({
  id: 'TC_B_56_CS',
  name: 'Get Custom Report - with component/variable, but no evseId',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14', 'B08.FR.23'],
  detects: ['reports.evseRequired', 'reports.wrongSeqNo'],
  notes:
    '<Configured EVSE count> is the number of EVSEs in station.evses. The report must hold EVSE[id].AvailabilityState once for each configured ' +
    'EVSE id and nothing else (B08.FR.23).',
  async run(ctx) {
    const expected = ctx.config.station.evses.map((evse) => `EVSE[${evse.id}].AvailabilityState`);
    await customReportOf(ctx, 'EVSE AvailabilityState without evse', [{ component: { name: 'EVSE' }, variable: { name: 'AvailabilityState' } }], expected);
  },
});
