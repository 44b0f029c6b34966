/** TC_J_03_CSMS: the CSMS answers the Ended event of a transaction that carries its clock-aligned readings. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargeThenEndWithReadings } from '../states';

export default defineTestCase({
  id: 'TC_J_03_CSMS',
  name: 'Clock-aligned Meter Values - EventType Ended',
  sut: 'CSMS',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  detects: ['transaction.meterValuesUnanswered', 'transaction.endedUnanswered'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19). ' +
    'The readings lie on the clock, every <Configured clock-aligned Tx ended Meter Values interval> (alignedDataTxEndedInterval); so that there is at least one, the harness lets energy flow past such an instant before the EV is unplugged.',
  run: (ctx) => chargeThenEndWithReadings(ctx, 'Sample.Clock', false),
});
