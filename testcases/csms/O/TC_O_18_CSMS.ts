/** TC_O_18_CSMS: the CSMS sets a display message whose state the station does not support, and copes with NotSupportedState. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, DISPLAY_MESSAGE, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_18_CSMS',
  name: 'Set Display Message - NotSupportedState',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.02'],
  detects: ['displayMessages.stateDropped', 'displayMessages.setNotSent'],
  notes: 'The operator request is a driver action (setDisplayMessage with the configured state, Charging); the harness answers NotSupportedState.',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message with the configured state, sends SetDisplayMessageRequest; harness answers NotSupportedState', displayMessage({ state: DISPLAY_MESSAGE.state }), 'NotSupportedState');
    await ctx.step('Step 1: the state asked for', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      ctx.check.equal('SetDisplayMessageRequest.message.state', message.state, DISPLAY_MESSAGE.state);
    });
  },
});
