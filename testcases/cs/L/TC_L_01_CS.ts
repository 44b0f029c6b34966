/** TC_L_01_CS: a signed firmware update that installs at once: download, signature check, installation (with the reboots the station needs) and the FirmwareUpdated security event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_01_CS',
  name: 'Secure Firmware Update - Installation successful',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.13', 'L01.FR.15', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  detects: ['firmware.noFirmwareUpdatedEvent', 'firmware.wrongRequestId'],
  notes:
    'The image, its signature and signing certificate come from the harness\'s file server (configured.firmware) unless the run names a vendor image. ' +
    'The optional steps (connectors set Unavailable, RebootBeforeFirmwareInstallation, Installing, RebootBeforeFirmwareActivation) are judged when the station takes them: ' +
    'a connector report outside a boot must say Unavailable before the end state and Available after it, every boot on the way must carry reason FirmwareUpdate. ' +
    'The harness also checks that its file server saw a complete download before Downloaded was reported.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest for the good signed image, retrieve and install two hours back', () => updateFirmware(ctx, { offer: files.good }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => flow.status('Downloading'));
      await step('5-6. station reports Downloaded', async () => {
        await flow.downloaded(files, files.good.location);
      });
      await step('7-8. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('9-19. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
      await step('20-21. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
