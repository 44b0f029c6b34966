/** TC_L_17_CSMS: the CSMS has a Local Controller publish a firmware image, which it downloads, checks and publishes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwarePublishRequested, publishStatuses } from '../states';

export default defineTestCase({
  id: 'TC_L_17_CSMS',
  name: 'Publish Firmware - Published',
  sut: 'CSMS',
  useCases: ['L03'],
  requirements: [],
  detects: ['firmware.publishNotSent', 'firmware.publishWrongLocation'],
  notes: 'The harness plays a Local Controller. Part 6 lists no requirement for this case; the PublishFirmwareRequest must carry <Configured firmware_location> (configured.firmware, or the location of the image the harness signs).',
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwarePublishRequested(ctx, firmware, 'Accepted');
    await publishStatuses(ctx, request.requestId, 3, ['Downloading', 'Downloaded', 'ChecksumVerified', 'Published'], firmware.location);
  },
});
