/** TC_L_11_CSMS: while one update downloads, the CSMS sends another, which the station refuses (it cannot cancel); the first update goes on to Installed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware } from '../states';

export default defineTestCase({
  id: 'TC_L_11_CSMS',
  name: 'Secure Firmware Update - Unable to cancel',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.27'],
  detects: ['firmware.updateNotSent'],
  notes: 'The second request comes from a second operator request for the same firmware; the harness refuses it and reports on the first update.',
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const first = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    await firmwareStatuses(ctx, first.requestId, 3, ['Downloading']);
    await firmwareUpdateRequested(ctx, '5-6. CSMS sends a second UpdateFirmwareRequest, harness answers Rejected', firmware, { retrieve: 'now', install: 'now' }, 'Rejected');
    const next = await firmwareStatuses(ctx, first.requestId, 7, ['Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, first.requestId, after, ['Installed']);
  },
});
