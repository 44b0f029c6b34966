/** TC_L_24_CSMS: the Local Controller cannot download the image; the CSMS takes the DownloadFailed status. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwarePublishRequested, publishStatuses } from '../states';

export default defineTestCase({
  id: 'TC_L_24_CSMS',
  name: 'Publish Firmware - Download failed',
  sut: 'CSMS',
  useCases: ['L03'],
  requirements: [],
  detects: ['firmware.failureStatusRefused', 'firmware.publishWrongLocation'],
  notes: 'The harness plays a Local Controller. Part 6 lists no requirement for this case; the PublishFirmwareRequest must carry <Configured firmware_location> (configured.firmware, or the location of the image the harness signs).',
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwarePublishRequested(ctx, firmware, 'Accepted');
    await publishStatuses(ctx, request.requestId, 3, ['Downloading', 'DownloadFailed'], firmware.location);
  },
});
