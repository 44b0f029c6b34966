/** TC_J_03_CS: the Ended event of a transaction carries the clock-aligned readings of AlignedDataCtrlr.TxEndedInterval. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEndedReadings, ifImplemented, setting } from '../states';

export default defineTestCase({
  id: 'TC_J_03_CS',
  name: 'Clock-aligned Meter Values - EventType Ended',
  sut: 'CS',
  useCases: ['J01', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  detects: ['meterValues.noTxEnded', 'meterValues.wrongContext'],
  configuration: [
    setting('AlignedDataCtrlr', 'TxEndedInterval', (c) => String(c.configured.alignedDataTxEndedInterval)),
    setting('SampledDataCtrlr', 'TxEndedMeasurands', ''),
    ifImplemented(setting('AlignedDataCtrlr', 'SendDuringIdle', 'false')),
  ],
  notes:
    'The energy flows for the Transaction Duration, or longer so that readings of at least two moments fall in the transaction. The ' +
    'measurands are read from AlignedDataCtrlr.TxEndedMeasurands.',
  async run(ctx) {
    await checkEndedReadings(ctx, { source: 'AlignedDataCtrlr', intervalS: ctx.config.configured.alignedDataTxEndedInterval, first: 'Sample.Clock', signed: false });
  },
});
