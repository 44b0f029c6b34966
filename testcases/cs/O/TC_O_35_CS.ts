/** TC_O_35_CS: asked for a known message id with another priority than its own, the station answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested } from '../states';

export default defineTestCase({
  id: 'TC_O_35_CS',
  name: 'Get a Specific Display Message - Known Id, but not matching Priority',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.02'],
  detects: ['displayMessages.ignoresFilters'],
  applicable: (config) => {
    const { priority, priority2, unsupportedPriorities } = config.configured.displayMessage;
    if (priority === priority2) return 'configured.displayMessage.priority and priority2 are the same';
    return unsupportedPriorities.includes(priority) || unsupportedPriorities.includes(priority2) ? 'the station does not support two different priorities (Part 5 UI-1.1 to UI-1.3)' : undefined;
  },
  notes: 'Memory state SetDisplayMessage with <Configured priority> (errata 2025-09 6.2.111). Part 6 writes "state <Configured display_message_2_priority>"; the request filters by priority.',
  async run(ctx) {
    const { priority, priority2 } = ctx.config.configured.displayMessage;
    const message = await displayMessageConfigured(ctx, { priority });
    await displayMessagesRequested(ctx, { id: [message.id], priority: priority2 }, { request: `1-2. harness asks for message ${message.id} with priority ${priority2}; its priority is ${priority} (Unknown)` }, 'Unknown');
  },
});
