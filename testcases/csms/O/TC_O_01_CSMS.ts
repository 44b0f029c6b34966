/** TC_O_01_CSMS: the CSMS sets the display message its operator asks for, with the priority, format and state given and no transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, DISPLAY_MESSAGE, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_01_CSMS',
  name: 'Set Display Message - Success',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.04'],
  detects: ['displayMessages.setNotSent', 'displayMessages.wrongPriority', 'displayMessages.stateDropped', 'displayMessages.transactionIdAdded'],
  notes:
    'The operator request is a driver action (setDisplayMessage: priority InFront, state Charging, format UTF8, no id, no transaction). <Generated Id> is read as an id the CSMS chose: an integer >= 0. The case also checks O01.FR.04, its requirement: a message for no transaction carries no transactionId.',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message with the configured state, sends SetDisplayMessageRequest; harness accepts', displayMessage({ state: DISPLAY_MESSAGE.state }), 'Accepted');
    await ctx.step('Step 1: the message the CSMS was asked for', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, DISPLAY_MESSAGE.priority);
      ctx.check.equal('SetDisplayMessageRequest.message.message.format', message.message.format, DISPLAY_MESSAGE.format);
      ctx.check.equal('SetDisplayMessageRequest.message.state', message.state, DISPLAY_MESSAGE.state);
      ctx.check.equal('SetDisplayMessageRequest.message.transactionId (O01.FR.04)', message.transactionId, undefined);
    });
  },
});
