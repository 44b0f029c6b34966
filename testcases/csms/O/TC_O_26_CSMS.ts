/** TC_O_26_CSMS: the CSMS sets a NormalCycle display message the station rejects, and copes with Rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkGeneratedId, displayMessage, displayMessageSet } from '../states';

export default defineTestCase({
  id: 'TC_O_26_CSMS',
  name: 'Set Display Message - Rejected',
  sut: 'CSMS',
  useCases: ['O01'],
  requirements: ['O01.FR.11'],
  detects: ['displayMessages.wrongPriority', 'displayMessages.setNotSent'],
  notes: 'Part 6 asks for a NormalCycle message, so <Configured Priority> is NormalCycle here (driver action setDisplayMessage); the harness answers Rejected.',
  async run(ctx) {
    const message = await displayMessageSet(ctx, '1-2. the CSMS, asked for a NormalCycle display message, sends SetDisplayMessageRequest; harness answers Rejected', displayMessage({ priority: 'NormalCycle' }), 'Rejected');
    await ctx.step('Step 1: the NormalCycle priority', () => {
      checkGeneratedId(ctx, 'SetDisplayMessageRequest.message.id', message.id);
      ctx.check.equal('SetDisplayMessageRequest.message.priority', message.priority, 'NormalCycle');
    });
  },
});
