/** TC_L_02_CSMS: the CSMS schedules the installation of a signed firmware update for later; the station installs when the time comes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware, untilScheduled } from '../states';

export default defineTestCase({
  id: 'TC_L_02_CSMS',
  name: 'Secure Firmware Update - InstallScheduled',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.15'],
  detects: ['firmware.installNow', 'firmware.updateNotSent'],
  notes: 'The CSMS side is asked for an installation time in the future; the harness waits for that time (at most timeouts.operatorMs) before it reports Installing, as Part 6 says.',
  async run(ctx) {
    const { check } = ctx;
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest with a future installDateTime, harness answers Accepted', firmware, { retrieve: 'now', install: 'later' }, 'Accepted');
    const installAt = request.firmware.installDateTime;
    await ctx.step('Step 1 validation: the dateTime lies in the future', () => {
      check.that('UpdateFirmwareRequest.firmware.installDateTime', installAt !== undefined && Date.parse(installAt) > Date.now(), 'a dateTime in the future', installAt ?? '(omitted)');
    });
    await firmwareStatuses(ctx, request.requestId, 3, ['Downloading', 'Downloaded', 'SignatureVerified', 'InstallScheduled']);
    await ctx.step('harness waits until installDateTime (the Part 6 wait before step 11)', () => untilScheduled(ctx, installAt));
    const next = await firmwareStatuses(ctx, request.requestId, 11, ['Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, request.requestId, after, ['Installed']);
  },
});
