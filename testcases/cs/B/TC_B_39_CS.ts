/** TC_B_39_CS: SetVariables of the ReadOnly OCPPCommCtrlr.MessageTimeout[Default] is rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { setVariablesChecked } from '../states';

const MESSAGE_TIMEOUT = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } } as const;

export default defineTestCase({
  id: 'TC_B_39_CS',
  name: 'Set Variables - Read-only',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.09'],
  detects: ['variables.readOnlyAccepted'],
  notes:
    'Part 6 assumes OCPPCommCtrlr.MessageTimeout[Default] is ReadOnly (its mutability in Part 2). Part 6 gives no attributeValue, which the schema ' +
    'requires: the harness sends <Configured messageTimeout> (security.messageTimeout), a well-formatted value in range, so that only the ' +
    'mutability can make the station reject it (B05.FR.07/08 come before B05.FR.09). ' +
    'Besides the Part 6 validations, the number of results is checked (B05.FR.01).',
  async run(ctx) {
    await setVariablesChecked(
      ctx,
      '1-2. harness sets OCPPCommCtrlr.MessageTimeout[Default] without attributeType',
      [{ ...MESSAGE_TIMEOUT, attributeValue: String(ctx.config.security.messageTimeout) }],
      [{ ...MESSAGE_TIMEOUT, attributeStatus: 'Rejected' }],
    );
  },
});
