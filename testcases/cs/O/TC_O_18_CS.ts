/** TC_O_18_CS: a message for a state the station does not support is refused with NotSupportedState. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_18_CS',
  name: 'Set Display Message - NotSupportedState',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.02', 'O02.FR.04'],
  detects: ['displayMessages.unsupportedStateAccepted'],
  applicable: (config) => (config.configured.displayMessage.unsupportedStates.length === 0 ? 'the station supports every message state (configured.displayMessage.unsupportedStates is empty)' : undefined),
  notes: '<Configured unsupported_display_message_state> is the first of configured.displayMessage.unsupportedStates.',
  async run(ctx) {
    const state = ctx.config.configured.displayMessage.unsupportedStates[0];
    const message = configuredMessage(ctx, { state });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for unsupported state ${state}, station answers NotSupportedState`, message, 'NotSupportedState');
  },
});
