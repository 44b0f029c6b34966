/** TC_B_07_CSMS: asked by its operator, the CSMS reads two variables in one GetVariablesRequest and keeps both values. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsShows, freshSeconds, variablesRead } from '../states';

export default defineTestCase({
  id: 'TC_B_07_CSMS',
  name: 'Get Variables - multiple values',
  sut: 'CSMS',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03'],
  detects: ['variables.getNotSent', 'variables.getOnlyFirst', 'variables.readNotKept'],
  notes:
    'The operator request is a driver action; both variables must be in the first GetVariablesRequest, in any order. The harness ' +
    'answers OfflineThreshold with a value no earlier case used and AuthorizeRemoteStart with "true"; the manual post scenario validation ' +
    'is a confirmation asked of the CSMS side that it shows both, and an answer that it does not fails the case. ' +
    'The confirmation comes after timeouts.settleMs has passed since the last message: a CSMS may store what it got only just after it answered.',
  async run(ctx) {
    const values = [
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: freshSeconds() },
      { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'true' },
    ];
    await variablesRead(ctx, '1-2. CSMS sends GetVariablesRequest for OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.AuthorizeRemoteStart, harness answers', values);
    await csmsShows(ctx, 'Post scenario: the CSMS shows the values it read', values);
  },
});
