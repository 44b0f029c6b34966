/** TC_B_32_CS: GetVariables for a component the station does not have answers UnknownComponent. */
import { defineTestCase } from '../../../src/engine/testcase';
import { UNKNOWN_COMPONENT, getVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_32_CS',
  name: 'Get Variables - Unknown component',
  sut: 'CS',
  useCases: ['B06'],
  requirements: ['B06.FR.06'],
  detects: ['variables.unknownComponentAsVariable'],
  notes: 'Besides the Part 6 validations, the number of results is checked (B06.FR.01).',
  async run(ctx) {
    await getVariablesChecked(ctx, '1-2. harness reads UnknownComponent.OfflineThreshold without attributeType', [UNKNOWN_COMPONENT], [{ ...UNKNOWN_COMPONENT, attributeStatus: 'UnknownComponent' }]);
  },
});
