/** TC_L_05_CS: an UpdateFirmwareRequest whose signing certificate comes from another root is refused with InvalidCertificate (or RevokedCertificate) and reported as a security event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_05_CS',
  name: 'Secure Firmware Update - InvalidCertificate',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.02', 'L01.FR.10', 'L01.FR.20', 'L01.FR.21', 'L01.FR.22'],
  detects: ['firmware.acceptsUntrustedCertificate'],
  notes: '<Generated invalid firmware signingCertificate> is a firmware signing certificate the harness issues under a root of its own that no station trusts (src/pki/firmware.ts). The harness also checks that the station fetched nothing from its file server.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest signed by a certificate of an untrusted root', () => updateFirmware(ctx, { offer: { ...files.good, signingCertificate: files.wrongRoot.signingCertificate, signature: files.wrongRoot.signature } }));
      check.oneOf('UpdateFirmwareResponse.status', response.status, ['InvalidCertificate', 'RevokedCertificate']);
      await step('3-4. station sends SecurityEventNotificationRequest InvalidFirmwareSigningCertificate', async () => {
        await flow.securityEvent('InvalidFirmwareSigningCertificate');
        if (files.server) check.that('the station downloaded nothing for a refused update', files.server.downloads.length === 0, 'no request to the file server', `${files.server.downloads.length} request(s)`);
      });
    });
  },
});
