/** TC_B_07_CS: one GetVariablesRequest for two required variables returns both Actual values. */
import { defineTestCase } from '../../../src/engine/testcase';
import { LOCAL_AUTHORIZE_OFFLINE, OFFLINE_THRESHOLD, getVariablesChecked, setting } from '../states';

export default defineTestCase({
  id: 'TC_B_07_CS',
  name: 'Get Variables - multiple values',
  sut: 'CS',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10'],
  detects: ['variables.firstResultOnly', 'variables.noAttributeType'],
  configuration: [setting('OCPPCommCtrlr', 'OfflineThreshold', '300'), setting('AuthCtrlr', 'LocalAuthorizeOffline', 'true')],
  notes:
    'The results may come in any order (Part 6): each expected result is looked up by component and variable name, and a missing one fails the case. ' +
    'The number of results is checked too (B06.FR.01). Part 6 writes the expected OfflineThreshold value without quotes; it is compared as the string "300".',
  async run(ctx) {
    await getVariablesChecked(
      ctx,
      '1-2. harness reads OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.LocalAuthorizeOffline (Actual) in one request',
      [
        { ...OFFLINE_THRESHOLD, attributeType: 'Actual' },
        { ...LOCAL_AUTHORIZE_OFFLINE, attributeType: 'Actual' },
      ],
      [
        { ...OFFLINE_THRESHOLD, attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', noError: true },
        { ...LOCAL_AUTHORIZE_OFFLINE, attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: 'true', noError: true },
      ],
    );
  },
});
