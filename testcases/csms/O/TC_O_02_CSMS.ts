/** TC_O_02_CSMS: the CSMS asks for all display messages without a filter and takes in the station's report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDisplayFilter, displayMessageConfigured, displayMessagesAsked, displayMessagesReported } from '../states';

export default defineTestCase({
  id: 'TC_O_02_CSMS',
  name: 'Get all Display Messages - Success',
  sut: 'CSMS',
  useCases: ['O03'],
  requirements: [],
  detects: ['displayMessages.getNotSent', 'displayMessages.ignoresNotify', 'displayMessages.setNotSent'],
  notes: 'Memory State: the CSMS is asked to set a display message first (harness accepts), so both sides know it. The operator request is a driver action (getDisplayMessages without filter).',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx);
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for all display messages, sends GetDisplayMessagesRequest; harness answers Accepted', {}, 'Accepted');
    await ctx.step('Step 1: a request for every message', () => checkDisplayFilter(ctx, call, {}));
    await displayMessagesReported(ctx, '3-4. harness reports its display message in NotifyDisplayMessagesRequest; the CSMS answers', call.payload.requestId, [held]);
  },
});
