/** TC_F_18_CSMS: the CSMS asks for the firmware status and takes the FirmwareStatusNotification (Idle) that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_18_CSMS',
  name: 'Trigger message - FirmwareStatusNotification - Idle',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  detects: ['trigger.notSent'],
  async run(ctx) {
    await csmsTriggers(ctx, 'FirmwareStatusNotification', {});
    await ctx.step('3-4. harness sends FirmwareStatusNotificationRequest (Idle); the CSMS answers', () => ctx.station.call('FirmwareStatusNotification', { status: 'Idle' }));
  },
});
