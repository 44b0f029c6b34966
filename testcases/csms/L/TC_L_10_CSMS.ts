/** TC_L_10_CSMS: while one update downloads, the CSMS sends another; the station cancels the first (AcceptedCanceled) and installs the second. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware } from '../states';

export default defineTestCase({
  id: 'TC_L_10_CSMS',
  name: 'Secure Firmware Update - AcceptedCanceled',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.24'],
  detects: ['firmware.updateNotSent'],
  notes: 'The second request comes from a second operator request for the same firmware; from then on the harness reports with the requestId of the second request.',
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const first = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    await firmwareStatuses(ctx, first.requestId, 3, ['Downloading']);
    const second = await firmwareUpdateRequested(ctx, '5-6. CSMS sends a second UpdateFirmwareRequest, harness answers AcceptedCanceled', firmware, { retrieve: 'now', install: 'now' }, 'AcceptedCanceled');
    const next = await firmwareStatuses(ctx, second.requestId, 7, ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, second.requestId, after, ['Installed']);
  },
});
