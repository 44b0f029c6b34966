/** TC_J_10_CS: the Ended event of a transaction carries the sampled readings of SampledDataCtrlr.TxEndedInterval and a Transaction.End one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEndedReadings, setting } from '../states';

export default defineTestCase({
  id: 'TC_J_10_CS',
  name: 'Sampled Meter Values - EventType Ended',
  sut: 'CS',
  useCases: ['J02', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  detects: ['meterValues.noTxEnded'],
  configuration: [setting('SampledDataCtrlr', 'TxEndedInterval', (c) => String(c.configured.sampledDataTxEndedInterval)), setting('AlignedDataCtrlr', 'TxEndedMeasurands', '')],
  notes: 'Requirements as corrected by errata 2024-06 / 2025-09 6.2.65. The energy flows for the Transaction Duration, or longer so that readings of at least two moments fall in the transaction.',
  async run(ctx) {
    await checkEndedReadings(ctx, { source: 'SampledDataCtrlr', intervalS: ctx.config.configured.sampledDataTxEndedInterval, first: 'Sample.Periodic', signed: false });
  },
});
