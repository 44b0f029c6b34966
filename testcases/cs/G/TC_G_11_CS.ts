/** TC_G_11_CS: an EVSE set Inoperative during a transaction answers Scheduled and turns Unavailable once the transaction is over. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredEvse, connectorsOf, energyTransferStarted, sessionEndsThenUnavailable, withAvailabilityRestored, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_11_CS',
  name: 'Change Availability EVSE - With ongoing transaction',
  sut: 'CS',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.05'],
  detects: ['availability.notScheduled'],
  notes:
    'Before: EnergyTransferStarted on <Configured evseId>. The wait of <Configured Transaction Duration> after step 2 is the one ' +
    'StopAuthorized starts with. After each of StopAuthorized, EVConnectedPostSession, EVDisconnected and ParkingBayUnoccupied, ' +
    'the connectors of the EVSE must be reported Unavailable only if that state ended the transaction (TxStopPoint decides ' +
    'which). Inside EVDisconnected the connector is not expected to be reported Available: it was waiting to become Unavailable, ' +
    'and G01.FR.05 asks for Unavailable when the EV leaves it; the Unavailable report is the step after.',
  async run(ctx) {
    const target = configuredEvse(ctx);
    await withAvailabilityRestored(ctx, () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
        await availabilityRequested(ctx, '1-2. harness sends ChangeAvailabilityRequest (Inoperative) for <Configured evseId>, station schedules it', target, 'Inoperative', 'Scheduled');
        await sessionEndsThenUnavailable(session, connectorsOf(ctx, target), 3);
      }),
    );
  },
});
