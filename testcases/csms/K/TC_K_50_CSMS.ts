/** TC_K_50_CSMS: with no transaction ongoing, the harness's station reports that an external charging limit was released; the CSMS takes it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { externalLimitCleared } from '../states';

export default defineTestCase({
  id: 'TC_K_50_CSMS',
  name: 'Reset / release external charging limit - Without ongoing transaction',
  sut: 'CSMS',
  useCases: ['K13'],
  requirements: [],
  detects: ['smartCharging.clearedLimitRefused'],
  notes: 'The notification names <Configured evseId>.',
  async run(ctx) {
    await externalLimitCleared(ctx, '1-2. harness sends ClearedChargingLimitRequest (chargingLimitSource EMS); the CSMS answers');
  },
});
