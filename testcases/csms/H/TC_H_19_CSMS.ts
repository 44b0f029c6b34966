/** TC_H_19_CSMS: asked by its operator, the CSMS reserves an EVSE for an idToken and its group. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, reservedByCsms } from '../states';

export default defineTestCase({
  id: 'TC_H_19_CSMS',
  name: 'Reserve a specific EVSE - Use a reserved EVSE with GroupId',
  sut: 'CSMS',
  useCases: ['H01', 'H03'],
  requirements: [],
  detects: ['reservation.groupDropped', 'reservation.evseDropped'],
  notes: 'The operator gives <Configured groupIdToken> as the group; Part 6 checks only that the request provides one.',
  async run(ctx) {
    await ctx.step('1-4. the CSMS reserves <Configured evseId> with a groupIdToken (Reusable State Reserved)', () => reservedByCsms(ctx, { withGroup: true }));
    await connectorsBackToAvailable(ctx);
  },
});
