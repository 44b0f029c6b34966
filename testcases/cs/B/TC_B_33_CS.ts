/** TC_B_33_CS: GetVariables for a variable a known component does not have answers UnknownVariable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { UNKNOWN_VARIABLE, getVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_33_CS',
  name: 'Get Variables - Unknown variable',
  sut: 'CS',
  useCases: ['B06'],
  requirements: ['B06.FR.07'],
  detects: ['variables.unknownVariableRejected'],
  notes: 'Besides the Part 6 validations, the number of results is checked (B06.FR.01).',
  async run(ctx) {
    await getVariablesChecked(ctx, '1-2. harness reads OCPPCommCtrlr.UnknownVariable without attributeType', [UNKNOWN_VARIABLE], [{ ...UNKNOWN_VARIABLE, attributeStatus: 'UnknownVariable' }]);
  },
});
