/** TC_O_11_CSMS: the CSMS asks for a display message by an id the station does not hold, and copes with Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDisplayFilter, displayMessageConfigured, displayMessagesAsked } from '../states';

export default defineTestCase({
  id: 'TC_O_11_CSMS',
  name: 'Get a Specific Display Message - Unknown parameters',
  sut: 'CSMS',
  useCases: ['O04'],
  requirements: ['O04.FR.02'],
  detects: ['displayMessages.getFilterDropped', 'displayMessages.getNotSent'],
  notes:
    'Memory State: the CSMS is asked to set a display message first (harness accepts). <A different generated Id> is that id plus 1000, which the operator is asked for (driver action getDisplayMessages with that id). Prerequisite: the CSMS can ask for an unknown id; an operator who cannot makes the case inconclusive.',
  async run(ctx) {
    const held = await displayMessageConfigured(ctx);
    const other = held.id + 1000;
    const call = await displayMessagesAsked(ctx, '1-2. the CSMS, asked for a message id the station does not hold, sends GetDisplayMessagesRequest; harness answers Unknown', { id: other }, 'Unknown');
    await ctx.step('Step 1: a request for the other id', () => {
      ctx.check.that('GetDisplayMessagesRequest.id differs from the configured message', !(call.payload.id ?? []).includes(held.id), `not ${held.id}`, JSON.stringify(call.payload.id));
      checkDisplayFilter(ctx, call, { id: other });
    });
  },
});
