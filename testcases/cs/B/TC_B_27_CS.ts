/** TC_B_27_CS: an Immediate reset of one EVSE ends the transaction on it (ResetCommand / ImmediateReset). */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { endedByImmediateReset, energyTransferStarted, resetAnswered, resetPerEvseRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_27_CS',
  name: 'Reset EVSE - With Ongoing Transaction - Immediate',
  sut: 'CS',
  useCases: ['B12'],
  requirements: ['B12.FR.02', 'B12.FR.08', 'E07.FR.03'],
  detects: ['reset.immediateKeepsTransaction', 'transaction.wrongStoppedReason'],
  applicable: resetPerEvseRequired,
  notes:
    'For stations that can reset a single EVSE (configured.resetPerEvse, Part 5 C-13). The ResetRequest names <Configured evseId>, ' +
    'the EVSE of the transaction. Step 3 is the first non-meter TransactionEventRequest that is Ended or has triggerReason ' +
    'ResetCommand; unlike TC_B_22_CS, Part 6 does not ask here for idToken to be omitted, so it is not checked.',
  run: relyingOnFeature('resetPerEvse', async (ctx) => {
    await withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      await resetAnswered(ctx, { type: 'Immediate', evseId: session.evse.evseId }, 'Accepted');
      await endedByImmediateReset(session, '3-4. station ends the transaction with TransactionEventRequest');
    });
  }),
});
