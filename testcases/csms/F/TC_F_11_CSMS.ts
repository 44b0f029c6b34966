/** TC_F_11_CSMS: the CSMS asks for the meter values of one EVSE and takes the MeterValuesRequest that follows. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers, triggeredMeterValuesSent } from '../states';

export default defineTestCase({
  id: 'TC_F_11_CSMS',
  name: 'Trigger message - MeterValues - Specific EVSE',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  detects: ['trigger.evseDropped', 'trigger.notSent', 'meterValues.unanswered'],
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await csmsTriggers(ctx, 'MeterValues', { evseId });
    await triggeredMeterValuesSent(ctx, '3-4. harness sends MeterValuesRequest for <Configured evseId> (context Trigger); the CSMS answers', evseId);
  },
});
