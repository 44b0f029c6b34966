/** TC_L_01_CSMS: the CSMS starts a signed firmware update and follows the station through download, verification, installation and the reboot that activates it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSignedRequest, configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware } from '../states';

export default defineTestCase({
  id: 'TC_L_01_CSMS',
  name: 'Secure Firmware Update - Installation successful',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.15'],
  detects: ['firmware.updateNotSent', 'firmware.unsigned'],
  notes:
    "The CSMS side is given the image location, signature and signing certificate the harness expects (configured.firmware, or an image the harness signs under the run's manufacturer root). The harness station reports on the update without fetching the image.",
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    await ctx.step('Step 1 validation: the request carries the configured signing certificate and signature', () => checkSignedRequest(ctx, request, firmware));
    const next = await firmwareStatuses(ctx, request.requestId, 3, ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, request.requestId, after, ['Installed']);
  },
});
