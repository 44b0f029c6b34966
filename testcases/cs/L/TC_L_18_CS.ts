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
  notes: 'Part 6 lists no requirement; the refusal follows from L01.FR.09 and L01.FR.11. The harness also checks that the station fetched nothing from its file server for the refused request.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      await step('1-2. harness sends UpdateFirmwareRequest without signingCertificate and signature', async () => {
        const { response } = await updateFirmware(ctx, { offer: files.good, unsigned: true });
        check.oneOf('UpdateFirmwareResponse.status', response.status, ['Rejected', 'InvalidCertificate']);
      });
      if (files.server) {
        const server = files.server;
        await step('Post: no download follows the refused request', async () => {
          const fetched = await server.waitFor(() => true, ctx.config.timeouts.settleMs * 10).then(
            (d) => d,
            () => undefined,
          );
          check.that('the station downloaded nothing for a refused update', fetched === undefined, 'no request to the file server', fetched ? `a request at ${fetched.at}` : 'none');
        });
      }
    });
  },
});
