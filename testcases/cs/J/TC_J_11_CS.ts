/** TC_J_11_CS: with SampledDataCtrlr.SignReadings, the sampled readings of the Ended event are signed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkEndedReadings, setting } from '../states';

export default defineTestCase({
  id: 'TC_J_11_CS',
  name: 'Sampled Meter Values - Signed',
  sut: 'CS',
  useCases: ['J02'],
  requirements: ['J02.FR.21'],
  detects: ['meterValues.unsigned', 'meterValues.noTxEnded', 'meterValues.noPublicKey'],
  configuration: [setting('SampledDataCtrlr', 'TxEndedInterval', (c) => String(c.configured.sampledDataTxEndedInterval)), setting('SampledDataCtrlr', 'SignReadings', 'true')],
  notes:
    'Part 6 words the signature validations with "should"; the harness checks them. The harness reads ' +
    'OCPPCommCtrlr.PublicKeyWithSignedMeterValue: with Never publicKey must be "", with EveryMeterValue a key in every signed value, with ' +
    'OncePerTransaction a key in at least one signed value of the transaction; whether a key is valid is not judged.',
  async run(ctx) {
    await checkEndedReadings(ctx, { source: 'SampledDataCtrlr', intervalS: ctx.config.configured.sampledDataTxEndedInterval, first: 'Sample.Periodic', signed: true });
  },
});
