/** TC_O_05_CS: clearing a display message id the station does not hold is answered Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { newDisplayMessageId } from '../states';

export default defineTestCase({
  id: 'TC_O_05_CS',
  name: 'Clear Display Message - Unknown Key',
  sut: 'CS',
  useCases: ['O05'],
  requirements: ['O05.FR.02'],
  detects: ['displayMessages.clearUnknownAccepted'],
  notes: 'The generated id is a fresh random one, so the station holds no message with it.',
  async run(ctx) {
    const id = newDisplayMessageId();
    await ctx.step(`1-2. harness sends ClearDisplayMessageRequest for unknown message ${id}, station answers Unknown`, async () => {
      const cleared = await ctx.csms.call('ClearDisplayMessage', { id });
      ctx.check.equal('ClearDisplayMessageResponse.status', cleared.status, 'Unknown');
    });
  },
});
