/** TC_O_08_CSMS: the CSMS asks for the display messages of one priority and takes in the station's report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDisplayFilter, DISPLAY_MESSAGE, displayMessageConfigured, displayMessagesAsked, displayMessagesReported } from '../states';

export default defineTestCase({
  id: 'TC_O_08_CSMS',
  name: 'Get a Specific Display Message - Priority',
  sut: 'CSMS',
  useCases: ['O04'],
  requirements: [],
  detects: ['displayMessages.getFilterDropped', 'displayMessages.getNotSent'],
  notes: 'Memory State: the CSMS is asked to set a display message with <Configured_Priority> (InFront) first (harness accepts). The operator request is a driver action (getDisplayMessages with that priority).',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx, { priority: DISPLAY_MESSAGE.priority });
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for the messages of the configured priority, sends GetDisplayMessagesRequest; harness answers Accepted', { priority: DISPLAY_MESSAGE.priority }, 'Accepted');
    await ctx.step('Step 1: a request for that priority only', () => checkDisplayFilter(ctx, call, { priority: DISPLAY_MESSAGE.priority }));
    await displayMessagesReported(ctx, '3-4. harness reports the message in NotifyDisplayMessagesRequest; the CSMS answers', call.payload.requestId, [held]);
  },
});
