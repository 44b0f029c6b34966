/** TC_O_34_CS: asked for a known message id with another state than its own, the station answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested } from '../states';

export default defineTestCase({
  id: 'TC_O_34_CS',
  name: 'Get a Specific Display Message - Known Id, but not matching State',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.02'],
  detects: ['displayMessages.ignoresFilters'],
  applicable: (config) => (config.configured.displayMessage.state === config.configured.displayMessage.state2 ? 'configured.displayMessage.state and state2 are the same' : undefined),
  notes: 'Memory state SetDisplayMessage with <Configured display_message_state> (errata 2025-09 6.2.111); the request names its id and <Configured display_message_2_state>.',
  async run(ctx) {
    const { state, state2 } = ctx.config.configured.displayMessage;
    const message = await displayMessageConfigured(ctx, { state });
    await displayMessagesRequested(ctx, { id: [message.id], state: state2 }, { request: `1-2. harness asks for message ${message.id} in state ${state2}; its state is ${state} (Unknown)` }, 'Unknown');
  },
});
