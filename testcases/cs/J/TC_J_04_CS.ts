/** TC_J_04_CS: with AlignedDataCtrlr.SignReadings, the clock-aligned readings of the Ended event are signed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEndedReadings, ifImplemented, setting } from '../states';

export default defineTestCase({
  id: 'TC_J_04_CS',
  name: 'Clock-aligned Meter Values - Signed',
  sut: 'CS',
  useCases: ['J01'],
  requirements: ['J01.FR.21'],
  detects: ['meterValues.unsigned', 'meterValues.noTxEnded', 'meterValues.noPublicKey'],
  configuration: [
    setting('AlignedDataCtrlr', 'TxEndedInterval', (c) => String(c.configured.alignedDataTxEndedInterval)),
    ifImplemented(setting('AlignedDataCtrlr', 'SendDuringIdle', 'false')),
    setting('AlignedDataCtrlr', 'SignReadings', 'true'),
  ],
  notes:
    'Part 6 words these validations with "should"; the harness checks them. Readings with context Transaction.End (from SampledDataCtrlr) ' +
    'are not clock-aligned and not judged here (their location still is). The harness reads OCPPCommCtrlr.PublicKeyWithSignedMeterValue: ' +
    'with Never publicKey must be "", with EveryMeterValue a key in every signed value, with OncePerTransaction a key in at least one ' +
    'signed value of the transaction; whether a key is valid is not judged.',
  async run(ctx) {
    await checkEndedReadings(ctx, { source: 'AlignedDataCtrlr', intervalS: ctx.config.configured.alignedDataTxEndedInterval, first: 'Sample.Clock', signed: true });
  },
});
