/** TC_O_11_CS: asked for a display message id it does not hold (while it holds another), the station answers Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { displayMessageConfigured, displayMessagesRequested, newDisplayMessageId } from '../states';

export default defineTestCase({
  id: 'TC_O_11_CS',
  name: 'Get a Specific Display Message - Unknown parameters',
  sut: 'CS',
  useCases: ['O04'],
  requirements: ['O04.FR.02'],
  detects: ['displayMessages.ignoresFilters', 'displayMessages.unknownAnsweredAccepted'],
  notes: 'Memory state SetDisplayMessage (errata 2025-09 6.2.111); <Other generated messageId> is a fresh id different from it.',
  async run(ctx) {
    const message = await displayMessageConfigured(ctx);
    let other = newDisplayMessageId();
    while (other === message.id) other = newDisplayMessageId();
    await displayMessagesRequested(ctx, { id: [other] }, { request: `1-2. harness asks for message ${other}, which is not set; the station answers Unknown` }, 'Unknown');
  },
});
