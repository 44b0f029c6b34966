/** TC_N_18_CSMS: asked to clear more monitors than the station takes per message, the CSMS splits them over several requests. */
import { defineTestCase } from '../../../src/engine/testcase';
import { clearingAnswered } from '../states/monitoring';

/** What the harness reports as MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring]. */
const LIMIT = 2;

export default defineTestCase({
  id: 'TC_N_18_CSMS',
  name: 'Clear Monitoring - Too many elements',
  sut: 'CSMS',
  useCases: ['N06'],
  requirements: ['N06.FR.04'],
  detects: ['clearMonitoring.notSent', 'clearMonitoring.limitIgnored'],
  notes:
    `The harness reports ItemsPerMessage[ClearVariableMonitoring] ${LIMIT} (to the CSMS's GetVariablesRequest, steps 1-2) and asks the CSMS ` +
    `side to clear ${LIMIT + 1} monitors (driver action clearVariableMonitoring); the answers say Accepted, their content does not matter. ` +
    'A CSMS that does not read the limit before clearing is judged by the requests alone.',
  async run(ctx) {
    const ids = Array.from({ length: LIMIT + 1 }, (_, i) => 901 + i);
    const batches = await ctx.step(`1-4. the CSMS reads the limit (${LIMIT}) and clears monitors ${ids.join(', ')}`, () => clearingAnswered(ctx, ids, LIMIT, 'Accepted'));
    await ctx.step('Step 3: two or more requests, none with more ids than the limit', () => {
      ctx.check.that('number of ClearVariableMonitoringRequests', batches.length >= 2, 'two or more', String(batches.length));
      ctx.check.that('ids per ClearVariableMonitoringRequest', batches.every((b) => b.length <= LIMIT), `at most ${LIMIT}`, batches.map((b) => b.length).join(', '));
    });
  },
});
