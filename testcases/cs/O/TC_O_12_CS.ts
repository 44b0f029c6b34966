/** TC_O_12_CS: a message set with the id of one the station holds replaces it and is accepted. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessageConfigured, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_12_CS',
  name: 'Set Display Message - Replace DisplayMessage',
  sut: 'CS',
  useCases: ['O06'],
  requirements: ['O06.FR.01'],
  detects: ['displayMessages.replaceRejected'],
  notes: 'Errata 2025-09 6.2.111: the memory state sets the message; step 1 sends its id again with a different content.',
  async run(ctx) {
    const original = await displayMessageConfigured(ctx);
    const replacement = configuredMessage(ctx, { id: original.id, content: `${original.message.content} (replaced)` });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest with the id ${original.id} again and new content, station accepts`, replacement);
  },
});
