/** TC_B_10_CS: one SetVariablesRequest for two required variables is accepted for both. */
import { defineTestCase } from '../../../src/engine/testcase';
import { LOCAL_AUTHORIZE_OFFLINE, OFFLINE_THRESHOLD, setVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_10_CS',
  name: 'Set Variables - multiple values',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  detects: ['variables.setRejected', 'variables.firstResultOnly', 'variables.noAttributeType'],
  notes:
    'Part 6 gives the attributeType of the first entry twice; read as both entries carrying attributeType Actual. ' +
    'The results may come in any order: each expected result is looked up by component and variable name, and the number of results is checked (B05.FR.01).',
  async run(ctx) {
    await setVariablesChecked(
      ctx,
      '1-2. harness sets OCPPCommCtrlr.OfflineThreshold to "300" and AuthCtrlr.LocalAuthorizeOffline to "true" (Actual) in one request',
      [
        { ...OFFLINE_THRESHOLD, attributeValue: '300', attributeType: 'Actual' },
        { ...LOCAL_AUTHORIZE_OFFLINE, attributeValue: 'true', attributeType: 'Actual' },
      ],
      [
        { ...OFFLINE_THRESHOLD, attributeStatus: 'Accepted', attributeType: 'Actual', noError: true },
        { ...LOCAL_AUTHORIZE_OFFLINE, attributeStatus: 'Accepted', attributeType: 'Actual', noError: true },
      ],
    );
  },
});
