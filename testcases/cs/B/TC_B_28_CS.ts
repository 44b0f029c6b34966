/** TC_B_28_CS: a station that cannot reset a single EVSE rejects a ResetRequest naming one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { resetAnswered, resetPerEvseUnsupported } from '../states';

export default defineTestCase({
  id: 'TC_B_28_CS',
  name: 'Reset EVSE - Not Supported',
  sut: 'CS',
  useCases: ['B11', 'B12'],
  requirements: ['B11.FR.01', 'B11.FR.09', 'B12.FR.01', 'B12.FR.09'],
  detects: ['reset.evseNotRejected'],
  applicable: resetPerEvseUnsupported,
  notes:
    'For stations that cannot reset a single EVSE (configured.resetPerEvse false, Part 5 NOT C-13); against the reference it ' +
    'runs on the variant without per-EVSE reset. The ResetRequest is OnIdle with <Configured evseId>, no transaction ongoing.',
  run: relyingOnFeature('resetPerEvse', async (ctx) => {
    await resetAnswered(ctx, { type: 'OnIdle', evseId: ctx.config.configured.evseId }, 'Rejected');
  }),
});
