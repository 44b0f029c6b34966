/** TC_B_06_CS: GetVariables for one required variable returns its Actual value. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_THRESHOLD, getVariablesChecked, setting } from '../states';

export default defineTestCase({
  id: 'TC_B_06_CS',
  name: 'Get Variables - single value',
  sut: 'CS',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'],
  detects: ['variables.noAttributeType'],
  configuration: [setting('OCPPCommCtrlr', 'OfflineThreshold', '300')],
  notes: 'Besides the Part 6 validations, the number of results is checked (B06.FR.01, one result per requested entry).',
  async run(ctx) {
    await getVariablesChecked(ctx, '1-2. harness reads OCPPCommCtrlr.OfflineThreshold (Actual)', [{ ...OFFLINE_THRESHOLD, attributeType: 'Actual' }], [
      { ...OFFLINE_THRESHOLD, attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', noError: true },
    ]);
  },
});
