/** TC_L_03_CSMS: the CSMS schedules the download of a signed firmware update for later; the station downloads and installs when the time comes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, rebootedForFirmware, untilScheduled } from '../states';

export default defineTestCase({
  id: 'TC_L_03_CSMS',
  name: 'Secure Firmware Update - DownloadScheduled',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.15'],
  detects: ['firmware.retrieveNow', 'firmware.updateNotSent'],
  notes: 'The CSMS side is asked for a download time in the future; the harness waits for that time (at most timeouts.operatorMs) before it reports Downloading, as Part 6 says.',
  async run(ctx) {
    const { check } = ctx;
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest with a future retrieveDateTime, harness answers Accepted', firmware, { retrieve: 'later', install: 'now' }, 'Accepted');
    const retrieveAt = request.firmware.retrieveDateTime;
    await ctx.step('Step 1 validation: the dateTime lies in the future', () => {
      check.that('UpdateFirmwareRequest.firmware.retrieveDateTime', Date.parse(retrieveAt) > Date.now(), 'a dateTime in the future', retrieveAt);
    });
    await firmwareStatuses(ctx, request.requestId, 3, ['DownloadScheduled']);
    await ctx.step('harness waits until retrieveDateTime (the Part 6 wait before step 5)', () => untilScheduled(ctx, retrieveAt));
    const next = await firmwareStatuses(ctx, request.requestId, 5, ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, request.requestId, after, ['Installed']);
  },
});
