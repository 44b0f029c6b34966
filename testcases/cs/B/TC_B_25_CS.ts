/** TC_B_25_CS: an OnIdle reset of one idle EVSE is accepted by a station that can reset single EVSEs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { resetAnswered, resetPerEvseRequired } from '../states';

export default defineTestCase({
  id: 'TC_B_25_CS',
  name: 'Reset EVSE - Without ongoing transaction',
  sut: 'CS',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.08', 'B11.FR.10'],
  detects: ['reset.rejected'],
  applicable: resetPerEvseRequired,
  notes:
    'For stations that can reset a single EVSE (configured.resetPerEvse, Part 5 C-13). Part 6 validates only the ResetResponse; ' +
    'what the EVSE does while it resets (B11.FR.08 allows a StatusNotification Unavailable) is not judged.',
  run: relyingOnFeature('resetPerEvse', async (ctx) => {
    await resetAnswered(ctx, { type: 'OnIdle', evseId: ctx.config.configured.evseId }, 'Accepted');
  }),
});
