/** TC_I_02_CS: the station shows the driver the total cost the CSMS returns in the answer to the transaction's Ended event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_READING, costShown, energyTransferStarted, evConnectedPostSession, evDisconnected, generatedCost, parkingBayUnoccupied, stopAuthorized, totalCostOnEnd, withSession } from '../states';

export default defineTestCase({
  id: 'TC_I_02_CS',
  name: 'Show EV Driver Final Total Cost After Charging',
  sut: 'CS',
  useCases: ['I03'],
  requirements: ['I03.FR.01', 'I03.FR.03'],
  detects: ['tariff.finalCostNotShown'],
  notes:
    'Whichever of the four states brings the Ended event, the harness answers it with totalCost <Generated Cost> (an amount it makes up). ' +
    'The stop is local, as the manual action says. When the transaction ends because the EV left the bay (EVDeparted), the driver has gone ' +
    'and I03.FR.05 says the station should not show the cost: the display is not judged then. ' +
    DISPLAY_READING,
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const totalCost = generatedCost();
      const ended = totalCostOnEnd(session, totalCost);
      await ctx.step(`1. present the valid idToken to stop (StopAuthorized, local); an Ended event is answered with totalCost ${totalCost}`, () => stopAuthorized(session, 'local'));
      await ctx.step('2. Reusable State EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('3. Reusable State EVDisconnected', () => evDisconnected(session));
      await ctx.step('4. Reusable State ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
      const end = ended();
      await ctx.step('The transaction ended and the harness answered its Ended event with the total cost', () => {
        ctx.check.that('TransactionEventRequest with eventType Ended', end !== undefined, 'received and answered with totalCost', end ? `seqNo ${end.payload.seqNo}` : 'none');
      });
      if (end?.payload.triggerReason !== 'EVDeparted') await costShown(session, `Display: the station shows the final total cost (${totalCost})`, totalCost, true);
    });
  },
});
