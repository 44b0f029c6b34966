/** TC_L_09_CSMS: the installation fails after the reboot that should activate it; the CSMS accepts the boot and takes the InstallationFailed status. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware } from '../states';

export default defineTestCase({
  id: 'TC_L_09_CSMS',
  name: 'Secure Firmware Update - InstallationFailed',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  detects: ['firmware.failureStatusRefused'],
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    const next = await firmwareStatuses(ctx, request.requestId, 3, ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, request.requestId, after, ['InstallationFailed']);
  },
});
