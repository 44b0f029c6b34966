/** TC_F_15_CSMS: the CSMS asks for the log upload status and takes the LogStatusNotification (Idle) that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_15_CSMS',
  name: 'Trigger message - LogStatusNotification - Idle',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  detects: ['trigger.notSent', 'logStatus.refused'],
  async run(ctx) {
    await csmsTriggers(ctx, 'LogStatusNotification', {});
    await ctx.step('3-4. harness sends LogStatusNotificationRequest (Idle); the CSMS answers', () => ctx.station.call('LogStatusNotification', { status: 'Idle' }));
  },
});
