/** TC_O_09_CS: asked for the messages of one state, the station accepts and reports those under the request's requestId. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested, reportComplete } from '../states';

export default defineTestCase({
  id: 'TC_O_09_CS',
  name: 'Get a Specific Display Message - State',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.01', 'O04.FR.03', 'O04.FR.04', 'O04.FR.05', 'O04.FR.06'],
  detects: ['displayMessages.stateDropped', 'displayMessages.noNotify', 'displayMessages.notifyWrongRequestId'],
  notes: 'Memory state SetDisplayMessage with <Configured display_message_state> (errata 2025-09 6.2.111). "All messages have been received": every reported message has that state and the one set is there.',
  async run(ctx) {
    const { state } = ctx.config.configured.displayMessage;
    const message = await displayMessageConfigured(ctx, { state });
    const report = await displayMessagesRequested(ctx, { state }, { request: `1-2. harness asks for the messages of state ${state}; the station accepts`, notify: '3-4. station reports them until tbc is false' });
    await ctx.step('Post scenario: all messages have been received', () => reportComplete(ctx, report, { state }, [message.id]));
  },
});
