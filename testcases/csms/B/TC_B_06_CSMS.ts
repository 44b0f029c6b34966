/** TC_B_06_CSMS: asked by its operator, the CSMS reads OCPPCommCtrlr.OfflineThreshold with GetVariables and keeps the value. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsShows, freshSeconds, variablesRead } from '../states';

export default defineTestCase({
  id: 'TC_B_06_CSMS',
  name: 'Get Variables - single value',
  sut: 'CSMS',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'],
  detects: ['variables.getNotSent', 'variables.readNotKept'],
  notes:
    'The operator request is a driver action. The harness answers with a value no earlier case used, so the manual post scenario ' +
    'validation becomes a confirmation asked of the CSMS side (operator, webhook or reference CSMS) that it shows exactly that value; ' +
    'an answer that it does not fails the case. ' +
    'The confirmation comes after timeouts.settleMs has passed since the last message: a CSMS may store what it got only just after it answered.',
  async run(ctx) {
    const values = [{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: freshSeconds() }];
    await variablesRead(ctx, '1-2. CSMS sends GetVariablesRequest for OCPPCommCtrlr.OfflineThreshold, harness answers', values);
    await csmsShows(ctx, 'Post scenario: the CSMS shows the value it read', values);
  },
});
