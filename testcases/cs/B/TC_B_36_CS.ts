/** TC_B_36_CS: SetVariables for a variable a known component does not have answers UnknownVariable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { UNKNOWN_VARIABLE, setVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_36_CS',
  name: 'Set Variables - Unknown variable',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.05'],
  detects: ['variables.unknownVariableRejected'],
  notes:
    'Part 6 gives no attributeValue, which the schema requires: the harness sends <Configured offlineThreshold> (configured.offlineThreshold). ' +
    'Besides the Part 6 validations, the number of results is checked (B05.FR.01).',
  async run(ctx) {
    await setVariablesChecked(
      ctx,
      '1-2. harness sets OCPPCommCtrlr.UnknownVariable without attributeType',
      [{ ...UNKNOWN_VARIABLE, attributeValue: String(ctx.config.configured.offlineThreshold) }],
      [{ ...UNKNOWN_VARIABLE, attributeStatus: 'UnknownVariable' }],
    );
  },
});
