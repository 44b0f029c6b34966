/** TC_K_43_CSMS: asked by its operator, the CSMS requests the composite schedule of one EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { compositeScheduleAsked } from '../states';

export default defineTestCase({
  id: 'TC_K_43_CSMS',
  name: 'Get Composite Schedule - Specific EVSE',
  sut: 'CSMS',
  useCases: ['K08'],
  requirements: ['K08.FR.01'],
  detects: ['smartCharging.compositeUnitDropped', 'smartCharging.compositeEvseZero'],
  notes:
    'Part 6 names EVSE 1; the harness uses <Configured evseId> (1 by default). <Configured duration> is ' +
    'configured.chargingProfile.durationSeconds; the schedule the harness answers with covers the duration asked for ' +
    '(Part 6 shows 300 s, the OCTT default), one period of 10 A (10000 W).',
  async run(ctx) {
    await compositeScheduleAsked(ctx, ctx.config.configured.evseId);
  },
});
