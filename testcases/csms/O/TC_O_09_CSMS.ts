/** TC_O_09_CSMS: the CSMS asks for the display messages of one state and takes in the station's report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDisplayFilter, DISPLAY_MESSAGE, displayMessageConfigured, displayMessagesAsked, displayMessagesReported } from '../states';

export default defineTestCase({
  id: 'TC_O_09_CSMS',
  name: 'Get a Specific Display Message - State',
  sut: 'CSMS',
  useCases: ['O04'],
  requirements: [],
  detects: ['displayMessages.getFilterDropped', 'displayMessages.getNotSent'],
  notes: 'Memory State: the CSMS is asked to set a display message with <Configured_State> (Charging) first (harness accepts). The operator request is a driver action (getDisplayMessages with that state).',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx, { state: DISPLAY_MESSAGE.state });
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for the messages of the configured state, sends GetDisplayMessagesRequest; harness answers Accepted', { state: DISPLAY_MESSAGE.state }, 'Accepted');
    await ctx.step('Step 1: a request for that state only', () => checkDisplayFilter(ctx, call, { state: DISPLAY_MESSAGE.state }));
    await displayMessagesReported(ctx, '3-4. harness reports the message in NotifyDisplayMessagesRequest; the CSMS answers', call.payload.requestId, [held]);
  },
});
