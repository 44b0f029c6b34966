/** TC_K_48_CSMS: the harness's station reports a charging limit an energy management system set; the CSMS takes it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { externalLimitNotified } from '../states';

export default defineTestCase({
  id: 'TC_K_48_CSMS',
  name: 'Set / Update External Charging Limit (not on a transaction)',
  sut: 'CSMS',
  useCases: ['K12'],
  requirements: [],
  detects: ['smartCharging.chargingLimitRefused'],
  notes: 'No transaction is ongoing. The notification names <Configured evseId> and carries the limit as a schedule of 10 A (10000 W).',
  async run(ctx) {
    await externalLimitNotified(ctx, '1-2. harness sends NotifyChargingLimitRequest (chargingLimitSource EMS); the CSMS answers');
  },
});
