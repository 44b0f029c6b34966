/** TC_L_03_CS: a signed firmware update whose retrieveDateTime lies ahead: the station reports DownloadScheduled and downloads, verifies and installs when the time comes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_03_CS',
  name: 'Secure Firmware Update - DownloadScheduled',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.13', 'L01.FR.15', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  detects: ['firmware.ignoresRetrieveDateTime'],
  notes: 'retrieveDateTime is now plus configured.firmware.downloadOffsetSeconds (<Configured Download Offset Period>); the download after it may take that long plus the message timeout. The harness also checks that no download reached its file server before retrieveDateTime. Optional steps are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check, config } = ctx;
      const offset = config.configured.firmware.downloadOffsetSeconds;
      const retrieveAt = Date.now() + offset * 1000;
      const { response, flow } = await step(`1-2. harness sends UpdateFirmwareRequest with retrieveDateTime ${offset} s ahead`, () => updateFirmware(ctx, { offer: files.good, retrieve: offset }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports DownloadScheduled', () => flow.status('DownloadScheduled'));
      await step(`5-6. at retrieveDateTime (a Part 6 wait of up to ${offset} s) the station reports Downloading`, async () => {
        await flow.status('Downloading', offset * 1000 + config.timeouts.messageMs);
        if (files.server) {
          const early = files.server.downloads.filter((d) => Date.parse(d.at) < retrieveAt - 1000);
          check.that('no download before retrieveDateTime', early.length === 0, `no request before ${new Date(retrieveAt).toISOString()}`, early.length ? early.map((d) => d.at).join(', ') : 'none');
        }
      });
      await step('7-8. station reports Downloaded', async () => {
        await flow.downloaded(files, files.good.location);
      });
      await step('9-10. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('11-21. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
      await step('22-23. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
