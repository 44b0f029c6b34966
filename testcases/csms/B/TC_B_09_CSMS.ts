/** TC_B_09_CSMS: asked by its operator, the CSMS sets OCPPCommCtrlr.OfflineThreshold to 123 with SetVariables. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsShows, variablesSet } from '../states';

export default defineTestCase({
  id: 'TC_B_09_CSMS',
  name: 'Set Variables - single value',
  sut: 'CSMS',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  detects: ['variables.setAsTarget'],
  notes:
    'The operator request (value 123, as the tool validation names) is a driver action. The harness accepts the entry; the manual post ' +
    'scenario validation is a confirmation asked of the CSMS side that it now shows the value as set, and an answer that it does not fails the case. ' +
    'The confirmation comes after timeouts.settleMs has passed since the last message: a CSMS may store what it got only just after it answered.',
  async run(ctx) {
    const values = [{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' }];
    await variablesSet(ctx, '1-2. CSMS sends SetVariablesRequest for OCPPCommCtrlr.OfflineThreshold, harness accepts it', values);
    await csmsShows(ctx, 'Post scenario: the CSMS shows the value it set', values);
  },
});
