/** TC_L_22_CSMS: the CSMS asks a Local Controller to stop publishing a firmware image it does not have. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareUnpublishRequested } from '../states';

export default defineTestCase({
  id: 'TC_L_22_CSMS',
  name: 'Unpublish Firmware - NoFirmware',
  sut: 'CSMS',
  useCases: ['L04'],
  requirements: [],
  detects: ['firmware.publishNotSent'],
  notes: 'The harness plays a Local Controller. Part 6 lists neither requirement nor validation: the CSMS must send a schema-valid UnpublishFirmwareRequest when asked, with the checksum the harness gave it, and take the answer NoFirmware.',
  async run(ctx) {
    await firmwareUnpublishRequested(ctx, await configuredFirmware(ctx), 'NoFirmware');
  },
});
