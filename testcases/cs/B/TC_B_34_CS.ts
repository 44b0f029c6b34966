/** TC_B_34_CS: GetVariables for an attribute type OfflineThreshold does not support answers NotSupportedAttributeType. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_THRESHOLD, getVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_34_CS',
  name: 'Get Variables - Not supported attribute type',
  sut: 'CS',
  useCases: ['B06'],
  requirements: ['B06.FR.08'],
  detects: ['variables.attributeTypeIgnored', 'variables.noAttributeType'],
  notes:
    'Part 6 assumes OCPPCommCtrlr.OfflineThreshold has no Target attribute (Part 2 lists only Actual for it). ' +
    'Besides the Part 6 validations, the number of results is checked (B06.FR.01).',
  async run(ctx) {
    await getVariablesChecked(ctx, '1-2. harness reads OCPPCommCtrlr.OfflineThreshold with attributeType Target', [{ ...OFFLINE_THRESHOLD, attributeType: 'Target' }], [
      { ...OFFLINE_THRESHOLD, attributeStatus: 'NotSupportedAttributeType', attributeType: 'Target' },
    ]);
  },
});
