/** TC_B_37_CS: SetVariables for an attribute type OfflineThreshold does not support answers NotSupportedAttributeType. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_THRESHOLD, setVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_37_CS',
  name: 'Set Variables - Not supported attribute type',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.06'],
  detects: ['variables.attributeTypeIgnored', 'variables.noAttributeType'],
  notes:
    'Part 6 assumes OCPPCommCtrlr.OfflineThreshold has no Target attribute (Part 2 lists only Actual for it). Part 6 gives no attributeValue, ' +
    'which the schema requires: the harness sends <Configured offlineThreshold> (configured.offlineThreshold), a value the station would accept as Actual. ' +
    'Besides the Part 6 validations, the number of results is checked (B05.FR.01).',
  async run(ctx) {
    await setVariablesChecked(
      ctx,
      '1-2. harness sets OCPPCommCtrlr.OfflineThreshold with attributeType Target',
      [{ ...OFFLINE_THRESHOLD, attributeValue: String(ctx.config.configured.offlineThreshold), attributeType: 'Target' }],
      [{ ...OFFLINE_THRESHOLD, attributeStatus: 'NotSupportedAttributeType', attributeType: 'Target' }],
    );
  },
});
