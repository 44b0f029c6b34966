/** TC_G_19_CS: a connector the CSMS set Inoperative is still Unavailable after the station restarts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredConnector, rebootedKeepingAvailability, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_19_CS',
  name: 'Change Availability Connector - state persists across reboot',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.08'],
  detects: ['reset.unavailableNotPersisted', 'reset.rejected'],
  notes:
    'Part 6 gives the Before state as Unavailable; it is Reusable State Unavailable for the configured connector, as the case is ' +
    'about that connector. Booting is a ResetRequest (Immediate); after the boot the configured connector must be reported ' +
    'Unavailable and every other connector Available, and the SecurityEventNotification must be StartupOfTheDevice or ResetOrReboot.',
  async run(ctx) {
    const target = configuredConnector(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for the configured connector', () => unavailable(ctx, target));
      await rebootedKeepingAvailability(ctx, '1-7. Reusable State Booting, then the boot: the connector is still Unavailable', target);
    });
  },
});
