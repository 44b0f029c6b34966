/** TC_B_09_CS: SetVariables of one required variable is accepted. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_THRESHOLD, setVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_09_CS',
  name: 'Set Variables - single value',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  detects: ['variables.setRejected', 'variables.noAttributeType'],
  notes: 'Besides the Part 6 validations, the number of results is checked (B05.FR.01, one result per requested entry).',
  async run(ctx) {
    await setVariablesChecked(ctx, '1-2. harness sets OCPPCommCtrlr.OfflineThreshold (Actual) to "300"', [{ ...OFFLINE_THRESHOLD, attributeValue: '300', attributeType: 'Actual' }], [
      { ...OFFLINE_THRESHOLD, attributeStatus: 'Accepted', attributeType: 'Actual', noError: true },
    ]);
  },
});
