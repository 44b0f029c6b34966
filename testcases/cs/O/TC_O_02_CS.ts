/** TC_O_02_CS: asked for every display message, the station accepts and reports all it holds under the request's requestId. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested, reportComplete } from '../states';

export default defineTestCase({
  id: 'TC_O_02_CS',
  name: 'Get all Display Messages - Success',
  sut: 'CS',
  useCases: ['O03'],
  requirements: ['O03.FR.01', 'O03.FR.02', 'O03.FR.03', 'O03.FR.04', 'O03.FR.05'],
  detects: ['displayMessages.notStored', 'displayMessages.noNotify', 'displayMessages.notifyWrongRequestId'],
  notes:
    'Memory state SetDisplayMessage (errata 2025-09 6.2.111) sets one message. "All messages have been received" is read as: parts are ' +
    'taken up to the one without tbc, and the message the case set is among them.',
  async run(ctx) {
    const message = await displayMessageConfigured(ctx);
    const report = await displayMessagesRequested(ctx, {}, { request: '1-2. harness asks for every display message; the station accepts', notify: '3-4. station reports its messages until tbc is false' });
    await ctx.step('Post scenario: all messages have been received', () => reportComplete(ctx, report, {}, [message.id]));
  },
});
