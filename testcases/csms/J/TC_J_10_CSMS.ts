/** TC_J_10_CSMS: the CSMS answers the Ended event of a transaction that carries its periodic readings. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargeThenEndWithReadings } from '../states';

export default defineTestCase({
  id: 'TC_J_10_CSMS',
  name: 'Sampled Meter Values - EventType Ended',
  sut: 'CSMS',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  detects: ['transaction.meterValuesUnanswered', 'transaction.endedUnanswered'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19). ' +
    'Part 6 names the clock-aligned Tx ended interval here, but the readings are periodic (Sample.Periodic): the harness spaces them by <Configured sampled_tx_ended_meter_values_interval> (sampledDataTxEndedInterval) from the start of charging.',
  run: (ctx) => chargeThenEndWithReadings(ctx, 'Sample.Periodic', false),
});
