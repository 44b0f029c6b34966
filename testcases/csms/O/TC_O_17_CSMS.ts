/** TC_O_17_CSMS: the CSMS sets a display message whose priority the station does not support, and copes with NotSupportedPriority. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, DISPLAY_MESSAGE, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_17_CSMS',
  name: 'Set Display Message - NotSupportedPriority',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.01'],
  detects: ['displayMessages.wrongPriority', 'displayMessages.setNotSent'],
  notes: 'The operator request is a driver action (setDisplayMessage with the configured priority, InFront); the harness answers NotSupportedPriority.',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message with the configured priority, sends SetDisplayMessageRequest; harness answers NotSupportedPriority', displayMessage(), 'NotSupportedPriority');
    await ctx.step('Step 1: the priority asked for', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
    });
  },
});
