/** TC_O_04_CS: a message cleared by id is accepted and is then no longer there. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested } from '../states';

export default defineTestCase({
  id: 'TC_O_04_CS',
  name: 'Clear Display Message - Success',
  sut: 'CS',
  useCases: ['O05'],
  requirements: ['O05.FR.01'],
  detects: ['displayMessages.clearNotApplied', 'displayMessages.notStored'],
  notes: 'Memory state SetDisplayMessage (errata 2025-09 6.2.111) sets the message the case clears.',
  async run(ctx) {
    const message = await displayMessageConfigured(ctx);
    await ctx.step(`1-2. harness sends ClearDisplayMessageRequest for message ${message.id}, station accepts`, async () => {
      const cleared = await ctx.csms.call('ClearDisplayMessage', { id: message.id });
      ctx.check.equal('ClearDisplayMessageResponse.status', cleared.status, 'Accepted');
    });
    await displayMessagesRequested(ctx, { id: [message.id] }, { request: `3-4. harness asks for message ${message.id}; the station no longer has it (Unknown)` }, 'Unknown');
  },
});
