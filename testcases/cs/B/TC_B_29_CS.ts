/** TC_B_29_CS: a station that cannot reset a single EVSE rejects a ResetRequest naming the EVSE of an ongoing transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { energyTransferStarted, resetAnswered, resetPerEvseUnsupported, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_29_CS',
  name: 'Reset EVSE - With ongoing transaction - Not Supported',
  sut: 'CS',
  useCases: ['B11'],
  requirements: ['B12.FR.01', 'B12.FR.09'],
  detects: ['reset.evseNotRejected'],
  applicable: resetPerEvseUnsupported,
  notes:
    'For stations that cannot reset a single EVSE (configured.resetPerEvse false, Part 5 NOT C-13); against the reference it ' +
    'runs on the variant without per-EVSE reset. The ResetRequest is OnIdle with <Configured evseId>, the EVSE of the ' +
    'transaction; the transaction is ended by the clean-up afterwards, which is not part of the case.',
  run: relyingOnFeature('resetPerEvse', async (ctx) => {
    await withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      await resetAnswered(ctx, { type: 'OnIdle', evseId: session.evse.evseId }, 'Rejected');
    });
  }),
});
