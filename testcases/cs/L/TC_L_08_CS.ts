/** TC_L_08_CS: a correctly signed image that fails the station's install check ends in InstallVerificationFailed or InstallationFailed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_08_CS',
  name: 'Secure Firmware Update - InstallVerificationFailed or InstallationFailed',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.12', 'L01.FR.20'],
  detects: ['firmware.noInstallVerification'],
  notes:
    'With the harness\'s file server, <Configured invalid firmware location> is its corrupt image: signed by the trusted signing certificate, but its payload does not match the checksum in its header. ' +
    'A station that installs only vendor images gets configured.firmware.invalidLocation. Part 6 writes the retrieveDateTime of this case oddly; it is read as two hours back like its siblings.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest for a signed image that cannot be installed', () => updateFirmware(ctx, { offer: files.failsInstall }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await step('3-4. station reports Downloading', () => flow.status('Downloading'));
      await step('5-6. station reports Downloaded', async () => {
        await flow.downloaded(files, files.failsInstall.location);
      });
      await step('7-8. station reports SignatureVerified', () => flow.status('SignatureVerified'));
      await step('9-17. station tries to install (optional Unavailable connectors, reboot, Installing) and reports InstallVerificationFailed or InstallationFailed', () => flow.installation(['InstallVerificationFailed', 'InstallationFailed']));
    });
  },
});
