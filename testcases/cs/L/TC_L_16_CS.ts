/** TC_L_16_CS: a station that can update its firmware during a transaction downloads, verifies and installs while one runs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, updateFirmware, withFirmwareFiles, withSession } from '../states';

export default defineTestCase({
  id: 'TC_L_16_CS',
  name: 'Secure Firmware Update - Able to update firmware with ongoing transaction',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.waitsForTransactions'],
  applicable: (config) => (config.configured.firmware.duringTransaction === 'everything' ? undefined : 'the station does not update its firmware during a transaction (configured.firmware.duringTransaction is not everything, Part 5 C-43)'),
  notes:
    'Step 11 (the station reconnects to set up the protocol again) carries no validation: a station that activates in place without a new connection passes; one that reboots is followed as in TC_L_01_CS. ' +
    'The transaction is ended by the clean-up after the case.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      await withSession(ctx, async (session) => {
        const { step, check } = ctx;
        await energyTransferStarted(session);
        const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest while the transaction runs', () => updateFirmware(ctx, { offer: files.good }));
        check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
        await step('3-4. station reports Downloading', () => flow.status('Downloading'));
        await step('5-6. station reports Downloaded', async () => {
          await flow.downloaded(files, files.good.location);
        });
        await step('7-8. station reports SignatureVerified', () => flow.status('SignatureVerified'));
        await step('9-13. station installs (Installing, an optional reconnect) and reports Installed', () => flow.installation(['Installed']));
        await step('14-15. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
      });
    });
  },
});
