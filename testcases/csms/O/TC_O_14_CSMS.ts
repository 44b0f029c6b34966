/** TC_O_14_CSMS: the CSMS sets a display message with the end time its operator gives. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, checkSameTime, displayMessage, displayMessageSet, displayWindow } from '../states';

export default defineTestCase({
  id: 'TC_O_14_CSMS',
  name: 'Set Display Message - Remove message after EndTime',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.05'],
  detects: ['displayMessages.endTimeDropped', 'displayMessages.setNotSent'],
  notes: '<Configured endDateTime> is two hours after the case starts, handed to the CSMS in the driver action (setDisplayMessage); any RFC 3339 spelling of the same instant passes.',
  async run(ctx) {
    const { endDateTime } = displayWindow();
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message with an end time, sends SetDisplayMessageRequest; harness accepts', displayMessage({ endDateTime }), 'Accepted');
    await ctx.step('Step 1: the end time given', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      checkSameTime(ctx, 'SetDisplayMessageRequest.message.endDateTime', message.endDateTime, endDateTime);
    });
  },
});
