/** TC_L_18_CS: a station with secure firmware update refuses an UpdateFirmwareRequest without signing certificate and signature. */
import { defineTestCase } from '../../../src/engine/testcase';
import { updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_18_CS',
  name: 'Secure Firmware Update - Missing firmware signing certificate and signature',
  sut: 'CS',
  useCases: ['L01'],
  requirements: [],
  detects: ['firmware.acceptsUnsigned'],
  notes: 'Part 6 lists no requirement; the refusal follows from L01.FR.09 and L01.FR.11. Any request that reaches the harness\'s file server during the case is listed in its evidence.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      await step('1-2. harness sends UpdateFirmwareRequest without signingCertificate and signature', async () => {
        const { response } = await updateFirmware(ctx, { offer: files.good, unsigned: true });
        check.oneOf('UpdateFirmwareResponse.status', response.status, ['Rejected', 'InvalidCertificate']);
      });
    });
  },
});
