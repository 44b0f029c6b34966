/** TC_O_07_CSMS: the CSMS asks for one display message by its id and takes in the station's report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDisplayFilter, displayMessageConfigured, displayMessagesAsked, displayMessagesReported } from '../states';

export default defineTestCase({
  id: 'TC_O_07_CSMS',
  name: 'Get a Specific Display Message - Id',
  sut: 'CSMS',
  useCases: ['O04'],
  requirements: [],
  detects: ['displayMessages.getFilterDropped', 'displayMessages.getNotSent', 'displayMessages.ignoresNotify'],
  notes: 'Memory State: the CSMS is asked to set a display message first (harness accepts); its id is <Configured_Id>. The operator request is a driver action (getDisplayMessages with that id).',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx);
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for the message with that id, sends GetDisplayMessagesRequest; harness answers Accepted', { id: held.id }, 'Accepted');
    await ctx.step('Step 1: a request for that id only', () => checkDisplayFilter(ctx, call, { id: held.id }));
    await displayMessagesReported(ctx, '3-4. harness reports the message in NotifyDisplayMessagesRequest; the CSMS answers', call.payload.requestId, [held]);
  },
});
