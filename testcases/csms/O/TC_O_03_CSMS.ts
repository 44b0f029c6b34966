/** TC_O_03_CSMS: the CSMS asks for all display messages of a station that holds none, and copes with Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, displayMessagesAsked } from '../states';

export default defineTestCase({
  id: 'TC_O_03_CSMS',
  name: 'Get all Display Messages - No DisplayMessages configured',
  sut: 'CSMS',
  useCases: ['O03'],
  requirements: [],
  detects: ['displayMessages.getNotSent'],
  notes: 'The operator request is a driver action (getDisplayMessages without filter). <Generated request id> is read as an id the CSMS chose: an integer >= 0.',
  async run(ctx) {
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for all display messages, sends GetDisplayMessagesRequest; harness holds none and answers Unknown', {}, 'Unknown');
    await ctx.step('Step 1: a generated requestId', () => checkGeneratedId(ctx, 'GetDisplayMessagesRequest.requestId', call.payload.requestId));
  },
});
