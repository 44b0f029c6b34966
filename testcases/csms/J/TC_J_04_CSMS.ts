/** TC_J_04_CSMS: the CSMS answers the Ended event of a transaction that carries its signed clock-aligned readings. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargeThenEndWithReadings } from '../states';

export default defineTestCase({
  id: 'TC_J_04_CSMS',
  name: 'Clock-aligned Meter Values - Signed',
  sut: 'CSMS',
  useCases: ['J01'],
  requirements: ['J01.FR.21'],
  detects: ['transaction.meterValuesUnanswered', 'meterValues.rejectsSigned'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19). ' +
    'The readings lie on the clock, every <Configured clock-aligned Tx ended Meter Values interval> (alignedDataTxEndedInterval); so that there is at least one, the harness lets energy flow past such an instant before the EV is unplugged. ' +
    'The signedMeterValue of each reading is made by the harness (ECDSA P-256 over the reading as JSON).',
  run: (ctx) => chargeThenEndWithReadings(ctx, 'Sample.Clock', true),
});
