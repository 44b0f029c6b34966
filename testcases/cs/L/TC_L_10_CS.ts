/** TC_L_10_CS: a second UpdateFirmwareRequest during a download cancels the first (AcceptedCanceled); the second update then runs to Installed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_10_CS',
  name: 'Secure Firmware Update - AcceptedCanceled',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.20', 'L01.FR.24'],
  detects: ['firmware.acceptedInsteadOfCanceled'],
  applicable: (config) => (config.configured.firmware.canCancel ? undefined : 'the station cannot cancel a firmware update under way (configured.firmware.canCancel false, Part 5 NOT C-60): TC_L_11_CS applies instead'),
  notes:
    'The first request names the harness\'s slow image (configured.firmware.slowTransferSeconds) so the second arrives while it downloads. ' +
    'Errata 2025-09 (TC_L_10_CS): a DownloadFailed or InstallationFailed of the cancelled update may still come; it is passed over. From the second request on every status must carry its requestId.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const first = await step('1-2. harness sends UpdateFirmwareRequest for an image that downloads slowly', () => updateFirmware(ctx, { offer: files.slow }));
      check.equal('UpdateFirmwareResponse.status', first.response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => first.flow.status('Downloading'));
      const second = await step('5-6. harness sends a second UpdateFirmwareRequest while the first downloads', () => updateFirmware(ctx, { offer: files.good, cancels: first.flow }));
      check.equal('UpdateFirmwareResponse.status', second.response.status, 'AcceptedCanceled');
      const { flow } = second;
      await step('7-8. station reports Downloading for the second request', () => flow.status('Downloading'));
      await step('9-10. station reports Downloaded', async () => {
        await flow.downloaded(files, files.good.location);
      });
      await step('11-12. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('13-23. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
      await step('24-25. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
