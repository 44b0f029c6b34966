/** TC_O_33_CS: asked for a message by id while it holds none, the station answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessagesRequested, newDisplayMessageId, noDisplayMessages } from '../states';

export default defineTestCase({
  id: 'TC_O_33_CS',
  name: 'Get a Specific Display Message - No DisplayMessages configured',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.07'],
  detects: ['displayMessages.unknownAnsweredAccepted'],
  notes: 'Part 6 needs a station without configured messages: the harness clears any it finds first and sets them again afterwards.',
  async run(ctx) {
    await noDisplayMessages(ctx);
    const id = newDisplayMessageId();
    await displayMessagesRequested(ctx, { id: [id] }, { request: `1-2. harness asks for message ${id}; the station has no messages (Unknown)` }, 'Unknown');
  },
});
