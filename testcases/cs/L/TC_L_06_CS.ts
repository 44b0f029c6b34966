/** TC_L_06_CS: the station downloads an image whose signature does not match it, reports InvalidSignature and raises InvalidFirmwareSignature. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_06_CS',
  name: 'Secure Firmware Update - InvalidSignature',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.03', 'L01.FR.04', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.installsBadSignature', 'firmware.noInvalidSignatureEvent'],
  notes:
    'With the harness\'s file server the request names its bad-signature image: the signature is a real one by the trusted signing key, over bytes other than those served (the same as a good image with <Configured invalid firmware signature>). ' +
    'Errata 2025-09 (TC_L_06_CS): the security event and the InvalidSignature status may come in either order.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest with a signature that does not belong to the image', () => updateFirmware(ctx, { offer: files.badSignature }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => flow.status('Downloading'));
      await step('5-6. station reports Downloaded', async () => {
        await flow.downloaded(files, files.badSignature.location);
      });
      await step('7-8. station reports InvalidSignature', () => flow.status('InvalidSignature'));
      await step('9-10. station sends SecurityEventNotificationRequest InvalidFirmwareSignature', () => flow.securityEvent('InvalidFirmwareSignature'));
    });
  },
});
