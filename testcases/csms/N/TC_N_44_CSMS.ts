/** TC_N_44_CSMS: the CSMS copes with a station refusing to clear a monitor. */
import { defineTestCase } from '../../../src/engine/testcase';
import { clearingAnswered } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_44_CSMS',
  name: 'Clear Monitoring - Rejected',
  sut: 'CSMS',
  useCases: ['N06'],
  requirements: [],
  detects: ['clearMonitoring.notSent'],
  notes:
    'Part 6 has no tool validation: the CSMS passes by sending a schema-valid ClearVariableMonitoringRequest when asked (driver action ' +
    'clearVariableMonitoring of monitor 1, which the harness calls hard-wired) and taking the answer Rejected. A CSMS that first reads ' +
    'MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] is told 10.',
  async run(ctx) {
    await ctx.step('1-2. the CSMS asks to clear monitor 1; harness refuses (Rejected)', () => clearingAnswered(ctx, [1], 10, 'Rejected'));
  },
});
