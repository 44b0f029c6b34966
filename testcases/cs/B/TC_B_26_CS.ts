/** TC_B_26_CS: an OnIdle reset of an EVSE with a transaction is Scheduled, and the transaction ends the normal way. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { energyTransferStarted, resetAnswered, resetPerEvseRequired, sessionEndedInTurn, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_26_CS',
  name: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  sut: 'CS',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.07'],
  detects: ['reset.onIdleStopsTransaction'],
  applicable: resetPerEvseRequired,
  notes:
    'For stations that can reset a single EVSE (configured.resetPerEvse, Part 5 C-13). The ResetRequest names <Configured evseId>, ' +
    'the EVSE of the transaction. Steps 3-6 run the reusable states with their own validations, so the transaction must end ' +
    'as E06 describes (not by the reset); ParkingBayUnoccupied is not executed when the EV never entered the bay.',
  run: relyingOnFeature('resetPerEvse', async (ctx) => {
    await withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      const transactionId = session.transactionId ?? '';
      await resetAnswered(ctx, { type: 'OnIdle', evseId: session.evse.evseId }, 'Scheduled');
      await sessionEndedInTurn(session, transactionId, 3);
    });
  }),
});
