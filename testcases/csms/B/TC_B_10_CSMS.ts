/** TC_B_10_CSMS: asked by its operator, the CSMS sets two variables in one SetVariablesRequest. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsShows, variablesSet } from '../states';

export default defineTestCase({
  id: 'TC_B_10_CSMS',
  name: 'Set Variables - multiple values',
  sut: 'CSMS',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03'],
  detects: ['variables.setAsTarget', 'variables.setOnlyFirst'],
  notes:
    'The operator request (OfflineThreshold 123, AuthorizeRemoteStart false, as the tool validations name; the "+" after the variable ' +
    'in the scenario is read as a typo) is a driver action. Both entries must be in the first SetVariablesRequest, in any order. The manual ' +
    'post scenario validation is a confirmation asked of the CSMS side that it shows both values as set. ' +
    'The confirmation comes after timeouts.settleMs has passed since the last message: a CSMS may store what it got only just after it answered.',
  async run(ctx) {
    const values = [
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' },
      { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'false' },
    ];
    await variablesSet(ctx, '1-2. CSMS sends SetVariablesRequest for OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.AuthorizeRemoteStart, harness accepts it', values);
    await csmsShows(ctx, 'Post scenario: the CSMS shows the values it set', values);
  },
});
