/** TC_O_24_CS: a second AlwaysFront message replaces the first, which the station then no longer has. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_24_CS',
  name: 'Set Display Message - Second Alwaysfront priority',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.16'],
  detects: ['displayMessages.alwaysFrontKept', 'displayMessages.noNotify'],
  applicable: (config) => (config.configured.displayMessage.unsupportedPriorities.includes('AlwaysFront') ? 'the station does not support priority AlwaysFront (Part 5 UI-1.1)' : undefined),
  notes: 'Follows errata 2025-09 6.2.111: both messages are AlwaysFront; the first is asked for (Unknown), then the second (Accepted, reported). <Configured displayMessage2Id> is a fresh id.',
  async run(ctx) {
    const first = configuredMessage(ctx, { priority: 'AlwaysFront' });
    const second = configuredMessage(ctx, { priority: 'AlwaysFront', content: `${ctx.config.configured.displayMessage.content} 2` });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for AlwaysFront message ${first.id}, station accepts`, first);
    await setDisplayMessage(ctx, `3-4. harness sends SetDisplayMessageRequest for a second AlwaysFront message ${second.id}, station accepts`, second);
    await displayMessagesRequested(ctx, { id: [first.id] }, { request: `5-6. harness asks for the first message ${first.id}; it was replaced (Unknown)` }, 'Unknown');
    await displayMessagesRequested(ctx, { id: [second.id] }, { request: `5-6 (second request). harness asks for message ${second.id}; the station accepts`, notify: '7-8. station reports it with the requestId' });
  },
});
