/** TC_O_19_CSMS: the CSMS sets a display message in a format the station does not support, and copes with NotSupportedMessageFormat. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_19_CSMS',
  name: 'Set Display Message - NotSupportedMessageFormat',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.03'],
  detects: ['displayMessages.setNotSent'],
  notes: 'The operator request is a driver action (setDisplayMessage with format HTML and HTML content); the harness answers NotSupportedMessageFormat.',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for an HTML display message, sends SetDisplayMessageRequest; harness answers NotSupportedMessageFormat', displayMessage({ format: 'HTML', content: '<p>ocpp-ct: HTML display message</p>' }), 'NotSupportedMessageFormat');
    await ctx.step('Step 1: a message id', () => checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id));
  },
});
