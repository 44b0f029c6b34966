/** TC_F_12_CSMS: the CSMS asks for meter values without naming an EVSE and takes one MeterValuesRequest per EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers, triggeredMeterValuesSent } from '../states';

export default defineTestCase({
  id: 'TC_F_12_CSMS',
  name: 'Trigger message - MeterValues - All EVSE',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  detects: ['trigger.notSent', 'meterValues.unanswered'],
  notes:
    'Part 6 gives step 3 with evseId omitted and repeated for every EVSE; MeterValuesRequest requires evseId, so the harness sends ' +
    'one request per configured EVSE with that EVSE\'s id.',
  async run(ctx) {
    await csmsTriggers(ctx, 'MeterValues', {});
    for (const evse of ctx.config.station.evses) await triggeredMeterValuesSent(ctx, `3-4. harness sends MeterValuesRequest for EVSE ${evse.id} (context Trigger); the CSMS answers`, evse.id);
  },
});
