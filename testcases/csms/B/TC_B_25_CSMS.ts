/** TC_B_25_CSMS: asked by its operator, the CSMS resets one idle EVSE (OnIdle with evseId). */
import { defineTestCase } from '../../../src/engine/testcase';
import { resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_25_CSMS',
  name: 'Reset EVSE - Without ongoing transaction',
  sut: 'CSMS',
  useCases: ['B11'],
  requirements: ['B11.FR.04'],
  detects: ['reset.evseIdDropped'],
  notes: 'The operator request (reset <Configured evseId> when idle) is a driver action. Part 6 ends with the ResetResponse: an EVSE reset needs no new boot.',
  async run(ctx) {
    await resetRequested(ctx, { type: 'OnIdle', evseId: ctx.config.configured.evseId }, 'Accepted');
  },
});
