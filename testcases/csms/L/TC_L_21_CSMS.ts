/** TC_L_21_CSMS: the CSMS has a Local Controller stop publishing a firmware image. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareUnpublishRequested } from '../states';

export default defineTestCase({
  id: 'TC_L_21_CSMS',
  name: 'Unpublish Firmware - Unpublished',
  sut: 'CSMS',
  useCases: ['L04'],
  requirements: [],
  detects: ['firmware.publishNotSent'],
  notes: 'The harness plays a Local Controller. Part 6 lists neither requirement nor validation: the CSMS must send a schema-valid UnpublishFirmwareRequest when asked, with the checksum the harness gave it, and take the answer Unpublished.',
  async run(ctx) {
    await firmwareUnpublishRequested(ctx, await configuredFirmware(ctx), 'Unpublished');
  },
});
