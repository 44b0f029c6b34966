/** TC_O_13_CSMS: the CSMS sets a display message with the start time its operator gives. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, checkSameTime, displayMessage, displayMessageSet, displayWindow } from '../states';

export default defineTestCase({
  id: 'TC_O_13_CSMS',
  name: 'Set Display Message - Display message at StartTime',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.05'],
  detects: ['displayMessages.startTimeDropped', 'displayMessages.setNotSent'],
  notes: '<Configured startDateTime> is one hour after the case starts, handed to the CSMS in the driver action (setDisplayMessage); any RFC 3339 spelling of the same instant passes.',
  async run(ctx) {
    const { startDateTime } = displayWindow();
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a display message with a start time, sends SetDisplayMessageRequest; harness accepts', displayMessage({ startDateTime }), 'Accepted');
    await ctx.step('Step 1: the start time given', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      checkSameTime(ctx, 'SetDisplayMessageRequest.message.startDateTime', message.startDateTime, startDateTime);
    });
  },
});
