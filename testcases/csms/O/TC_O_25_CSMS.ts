/** TC_O_25_CSMS: the CSMS sets a display message with the id and the state (Charging) its operator gives. */
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_MESSAGE, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_25_CSMS',
  name: 'Set Display Message - Send Specific state',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: [],
  detects: ['displayMessages.stateDropped', 'displayMessages.idIgnored'],
  notes: '<Configured_Id> (4711) and <Configured State> (Charging) are handed to the CSMS in the driver action (setDisplayMessage with id and state).',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message shown while charging, sends SetDisplayMessageRequest; harness accepts', displayMessage({ id: DISPLAY_MESSAGE.id, state: DISPLAY_MESSAGE.state }), 'Accepted');
    await ctx.step('Step 1: the id and state given', () => {
      ctx.check.equal('SetDisplayMessageRequest.message.id', message.id, DISPLAY_MESSAGE.id);
      ctx.check.equal('SetDisplayMessageRequest.message.state', message.state, DISPLAY_MESSAGE.state);
    });
  },
});
