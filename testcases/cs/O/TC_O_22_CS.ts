/** TC_O_22_CS: two InFront messages are both kept (the station cycles them) and each is reported when asked for. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_22_CS',
  name: 'Set Display Message - Multiple In front priority',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.14'],
  detects: ['displayMessages.inFrontReplaces', 'displayMessages.noNotify'],
  applicable: (config) => (config.configured.displayMessage.unsupportedPriorities.includes('InFront') ? 'the station does not support priority InFront (Part 5 UI-1.2)' : undefined),
  notes: 'That both are cycled on the display is not observable over OCPP; the harness checks that the station holds both (steps 5-12).',
  async run(ctx) {
    const first = configuredMessage(ctx, { priority: 'InFront' });
    const second = configuredMessage(ctx, { priority: 'InFront', content: `${ctx.config.configured.displayMessage.content} 2` });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for InFront message ${first.id}, station accepts`, first);
    await setDisplayMessage(ctx, `3-4. harness sends SetDisplayMessageRequest for a second InFront message ${second.id}, station accepts`, second);
    await displayMessagesRequested(ctx, { id: [first.id] }, { request: `5-6. harness asks for message ${first.id}; the station accepts`, notify: '7-8. station reports it with the requestId' });
    await displayMessagesRequested(ctx, { id: [second.id] }, { request: `9-10. harness asks for message ${second.id}; the station accepts`, notify: '11-12. station reports it with the requestId' });
  },
});
