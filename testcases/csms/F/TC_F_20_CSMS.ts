/** TC_F_20_CSMS: the CSMS asks for a heartbeat and answers the HeartbeatRequest that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_20_CSMS',
  name: 'Trigger message - Heartbeat',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  detects: ['trigger.notSent'],
  async run(ctx) {
    await csmsTriggers(ctx, 'Heartbeat', {});
    await ctx.step('3-4. harness sends HeartbeatRequest; the CSMS answers', () => ctx.station.call('Heartbeat', {}));
  },
});
