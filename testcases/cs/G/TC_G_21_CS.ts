/** TC_G_21_CS: a station the CSMS set Inoperative is still Unavailable after it restarts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootedKeepingAvailability, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_21_CS',
  name: 'Change Availability Charging Station - state persists across reboot',
  sut: 'CS',
  useCases: ['G04'],
  requirements: ['G04.FR.09'],
  detects: ['reset.unavailableNotPersisted', 'reset.rejected'],
  notes:
    'Before: Reusable State Unavailable for the whole station. Booting is a ResetRequest (Immediate); after the boot every ' +
    'connector must be reported Unavailable, and the SecurityEventNotification must be StartupOfTheDevice or ResetOrReboot.',
  async run(ctx) {
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for the whole station', () => unavailable(ctx, {}));
      await rebootedKeepingAvailability(ctx, '1-7. Reusable State Booting, then the boot: every connector is still Unavailable', {});
    });
  },
});
