/** TC_O_17_CS: a message of a priority the station does not support is refused with NotSupportedPriority. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_17_CS',
  name: 'Set Display Message - NotSupportedPriority',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.01', 'O02.FR.03'],
  detects: ['displayMessages.unsupportedPriorityAccepted'],
  applicable: (config) => (config.configured.displayMessage.unsupportedPriorities.length === 0 ? 'the station supports every message priority (configured.displayMessage.unsupportedPriorities is empty)' : undefined),
  notes: '<Configured unsupported_display_message_priority> is the first of configured.displayMessage.unsupportedPriorities.',
  async run(ctx) {
    const priority = ctx.config.configured.displayMessage.unsupportedPriorities[0];
    const message = configuredMessage(ctx, { priority });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest with unsupported priority ${priority}, station answers NotSupportedPriority`, message, 'NotSupportedPriority');
  },
});
