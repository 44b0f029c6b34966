/** TC_L_07_CS: the image is not on the server: the station reports DownloadFailed once its attempts are used up. */
import { defineTestCase } from '../../../src/engine/testcase';
import { downloadAttemptsMs, updateFirmware, withFirmwareFiles } from '../states';

export default defineTestCase({
  id: 'TC_L_07_CS',
  name: 'Secure Firmware Update - DownloadFailed',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.noDownloadFailed', 'firmware.wrongRequestId'],
  notes: 'The request carries configured.firmware.retries and retryIntervalSeconds, so DownloadFailed may take every attempt and the waits between them. Downloading is optional (the station may see at once that the file cannot be had).',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const { step, check } = ctx;
      const missing = { ...files.good, location: `${files.good.location}_does_not_exist` };
      const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest for a file that does not exist', () => updateFirmware(ctx, { offer: missing }));
      check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      const first = await step('3-4. station reports Downloading (optional) or DownloadFailed', () => flow.status(['Downloading', 'DownloadFailed'], downloadAttemptsMs(ctx)));
      if (first === 'Downloading') await step('5-6. station reports DownloadFailed', () => flow.status('DownloadFailed', downloadAttemptsMs(ctx)));
    });
  },
});
