/** TC_O_12_CSMS: the CSMS replaces a display message by setting a new one with the same id. */
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_MESSAGE, displayMessage, displayMessageConfigured, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_12_CSMS',
  name: 'Set Display Message - Replace DisplayMessage',
  sut: 'CSMS',
  useCases: ['O06'],
  requirements: [],
  detects: ['displayMessages.idIgnored', 'displayMessages.wrongPriority'],
  notes:
    'Memory State: the CSMS is asked to set a display message first (harness accepts); its id is <Configured_Id>. The operator then asks for a message with that id and new content (driver action setDisplayMessage with id). Part 6 puts the validations under step 2; they are about the request of step 1.',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx);
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked to replace that message, sends SetDisplayMessageRequest with the same id; harness accepts', displayMessage({ id: held.id, content: `${DISPLAY_MESSAGE.content} (replaced)` }), 'Accepted');
    await ctx.step('Step 2: the id of the message replaced', () => {
      ctx.check.equal('SetDisplayMessageRequest.message.id', message.id, held.id);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
    });
  },
});
