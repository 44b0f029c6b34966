/** TC_B_35_CS: SetVariables for a component the station does not have answers UnknownComponent. */
import { defineTestCase } from '../../../src/engine/testcase';
import { UNKNOWN_COMPONENT, setVariablesChecked } from '../states';

export default defineTestCase({
  id: 'TC_B_35_CS',
  name: 'Set Variables - Unknown component',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.04'],
  detects: ['variables.unknownComponentAsVariable'],
  notes:
    'Part 6 gives no attributeValue, which the schema requires: the harness sends <Configured offlineThreshold> (configured.offlineThreshold). ' +
    'Besides the Part 6 validations, the number of results is checked (B05.FR.01).',
  async run(ctx) {
    await setVariablesChecked(
      ctx,
      '1-2. harness sets UnknownComponent.OfflineThreshold without attributeType',
      [{ ...UNKNOWN_COMPONENT, attributeValue: String(ctx.config.configured.offlineThreshold) }],
      [{ ...UNKNOWN_COMPONENT, attributeStatus: 'UnknownComponent' }],
    );
  },
});
