/** TC_O_07_CS: asked for one message by id, the station accepts and reports it under the request's requestId. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested, reportComplete } from '../states';

export default defineTestCase({
  id: 'TC_O_07_CS',
  name: 'Get a Specific Display Message - Id',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.01', 'O04.FR.03', 'O04.FR.04', 'O04.FR.05', 'O04.FR.06'],
  detects: ['displayMessages.notStored', 'displayMessages.noNotify', 'displayMessages.notifyWrongRequestId'],
  notes: 'Memory state SetDisplayMessage (errata 2025-09 6.2.111). "All messages have been received": the parts up to tbc false hold the message asked for and nothing else.',
  async run(ctx) {
    const message = await displayMessageConfigured(ctx);
    const filter = { id: [message.id] };
    const report = await displayMessagesRequested(ctx, filter, { request: `1-2. harness asks for message ${message.id}; the station accepts`, notify: '3-4. station reports it until tbc is false' });
    await ctx.step('Post scenario: all messages have been received', () => reportComplete(ctx, report, filter, [message.id]));
  },
});
