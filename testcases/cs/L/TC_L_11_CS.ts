/** TC_L_11_CS: a station that cannot cancel a firmware update refuses a second UpdateFirmwareRequest during a download and carries on with the first. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_11_CS',
  name: 'Secure Firmware Update - Unable to cancel',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.20', 'L01.FR.27'],
  detects: ['firmware.refusalDropsUpdate'],
  applicable: (config) => (config.configured.firmware.canCancel ? 'the station cancels a firmware update under way (configured.firmware.canCancel, Part 5 C-60): TC_L_10_CS applies instead' : undefined),
  notes:
    'The first request names the harness\'s slow image so the second arrives while it downloads. The statuses after the refusal must still carry the requestId of the first request.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest for an image that downloads slowly', () => updateFirmware(ctx, { offer: files.slow }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => flow.status('Downloading'));
      const second = await step('5-6. harness sends a second UpdateFirmwareRequest while the first downloads', () => updateFirmware(ctx, { offer: files.good }));
      check.equal('UpdateFirmwareResponse.status', second.response.status, 'Rejected');
      await step('7-8. station reports Downloaded for the first request', async () => {
        await flow.downloaded(files, files.slow.location);
      });
      await step('9-10. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('11-21. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
      await step('station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
