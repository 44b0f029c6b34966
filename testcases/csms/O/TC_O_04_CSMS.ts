/** TC_O_04_CSMS: the CSMS removes the display message it set, naming its id. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageCleared, displayMessageConfigured } from '../states';

export default defineTestCase({
  id: 'TC_O_04_CSMS',
  name: 'Clear Display Message - Success',
  sut: 'CSMS',
  useCases: ['O05'],
  requirements: [],
  detects: ['displayMessages.clearNotSent', 'displayMessages.clearWrongId'],
  notes:
    'Memory State: the CSMS is asked to set a display message first (harness accepts); its id is <Generated Id from set display message>. The operator request is a driver action (clearDisplayMessage with that id). A CSMS that first asks for the messages (the help method of Part 6) gets them: Accepted and a NotifyDisplayMessagesRequest.',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx);
    const clear = await displayMessageCleared(ctx, '1-2. the CSMS, asked to remove that message, sends ClearDisplayMessageRequest; harness accepts', held.id, 'Accepted', [held]);
    await ctx.step('Step 1: the id of the message set before', () => ctx.check.equal('ClearDisplayMessageRequest.id', clear.payload.id, held.id));
  },
});
