/** TC_O_03_CS: a station without display messages answers a request for all of them with Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessagesRequested, noDisplayMessages } from '../states';

export default defineTestCase({
  id: 'TC_O_03_CS',
  name: 'Get all Display Messages - No DisplayMessages configured',
  sut: 'CS',
  useCases: ['O03'],
  requirements: ['O03.FR.06'],
  detects: ['displayMessages.unknownAnsweredAccepted'],
  notes: 'Part 6 needs a station without configured messages: the harness clears any it finds first and sets them again afterwards.',
  async run(ctx) {
    await noDisplayMessages(ctx);
    await displayMessagesRequested(ctx, {}, { request: '1-2. harness asks for every display message; the station has none (Unknown)' }, 'Unknown');
  },
});
