/** TC_G_18_CS: an EVSE the CSMS set Inoperative is still Unavailable after the station restarts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredEvse, rebootedKeepingAvailability, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_G_18_CS',
  name: 'Change Availability EVSE - state persists across reboot',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.08', 'G01.FR.01'],
  detects: ['reset.unavailableNotPersisted', 'availability.sameStateRejected'],
  notes:
    'Before: Reusable State Unavailable for <Configured evseId>. Step 3 (each connector reported, Unavailable on that EVSE) is read ' +
    'as the reports of the Before state: the second Inoperative of steps 1-2 changes nothing, and G03.FR.04 asks for reports of ' +
    'changes only. Booted restarts the station with a ResetRequest (Immediate); after the boot every connector of ' +
    '<Configured evseId> must be reported Unavailable and every other connector Available.',
  async run(ctx) {
    const target = configuredEvse(ctx);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('Before: state Unavailable for <Configured evseId>', () => unavailable(ctx, target));
      await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for <Configured evseId>, station accepts', target, 'Inoperative', 'Accepted');
      await rebootedKeepingAvailability(ctx, '5. Reusable State Booted: the EVSE is still Unavailable after the restart', target);
    });
  },
});
