/** TC_L_02_CS: a signed firmware update whose installDateTime lies ahead: the station downloads and verifies at once, reports InstallScheduled and installs when the time comes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_02_CS',
  name: 'Secure Firmware Update - InstallScheduled',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.15', 'L01.FR.16', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  detects: ['firmware.ignoresInstallDateTime'],
  notes: 'installDateTime is now plus configured.firmware.installOffsetSeconds (<Configured Install Offset Period>); the installation after it may take that long plus the message timeout. Optional steps are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check, config } = ctx;
      const offset = config.configured.firmware.installOffsetSeconds;
      const { response, flow } = await step(`1-2. harness sends UpdateFirmwareRequest with installDateTime ${offset} s ahead`, () => updateFirmware(ctx, { offer: files.good, install: offset }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => flow.status('Downloading'));
      await step('5-6. station reports Downloaded', async () => {
        await flow.downloaded(files, files.good.location);
      });
      await step('7-8. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('9-10. station reports InstallScheduled', () => flow.status('InstallScheduled'));
      await step(`11-21. at installDateTime (a Part 6 wait of up to ${offset} s) the station installs and reports Installed`, () => flow.installation(['Installed'], offset * 1000 + config.timeouts.messageMs));
      await step('22-23. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
