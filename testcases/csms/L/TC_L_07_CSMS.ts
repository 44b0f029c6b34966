/** TC_L_07_CSMS: the station cannot download the image; the CSMS takes the DownloadFailed status. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested } from '../states';

export default defineTestCase({
  id: 'TC_L_07_CSMS',
  name: 'Secure Firmware Update - DownloadFailed',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  detects: ['firmware.failureStatusRefused'],
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    await firmwareStatuses(ctx, request.requestId, 3, ['Downloading', 'DownloadFailed']);
  },
});
