/** TC_H_01_CSMS: asked by its operator, the CSMS reserves the configured EVSE for an idToken. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, reservedByCsms } from '../states';

export default defineTestCase({
  id: 'TC_H_01_CSMS',
  name: 'Reserve a specific EVSE - Accepted - Valid idToken',
  sut: 'CSMS',
  useCases: ['H01', 'H03'],
  requirements: [],
  detects: ['reservation.evseDropped', 'reservation.wrongIdToken'],
  notes: 'The case is Reusable State Reserved for <Configured evseId>. The harness reports the connectors Available again afterwards (not part of Part 6).',
  async run(ctx) {
    await ctx.step('1. Reusable State Reserved for <Configured evseId>', () => reservedByCsms(ctx));
    await connectorsBackToAvailable(ctx);
  },
});
