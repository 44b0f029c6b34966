/** TC_J_11_CSMS: the CSMS answers the Ended event of a transaction that carries its signed periodic readings. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargeThenEndWithReadings } from '../states';

export default defineTestCase({
  id: 'TC_J_11_CSMS',
  name: 'Sampled Meter Values - Signed',
  sut: 'CSMS',
  useCases: ['J02'],
  requirements: ['J02.FR.21'],
  detects: ['transaction.meterValuesUnanswered', 'meterValues.rejectsSigned'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19). ' +
    'Part 6 names the clock-aligned Tx ended interval here, but the readings are periodic (Sample.Periodic): the harness spaces them by <Configured sampled_tx_ended_meter_values_interval> (sampledDataTxEndedInterval) from the start of charging. ' +
    'The signedMeterValue of each reading is made by the harness (ECDSA P-256 over the reading as JSON).',
  run: (ctx) => chargeThenEndWithReadings(ctx, 'Sample.Periodic', true),
});
