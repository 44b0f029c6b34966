/** TC_L_13_CS: a station that cannot update during a transaction holds the update until the transaction ends, with its idle connectors Unavailable meanwhile, then downloads and installs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, parkingBayUnoccupied, setting, updateFirmware, withFirmwareFiles, withSession } from '../states';

export default defineTestCase({
  id: 'TC_L_13_CS',
  name: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction'],
  configuration: [setting('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'false')],
  applicable: (config) => (config.configured.firmware.duringTransaction === 'nothing' ? undefined : `the station can ${config.configured.firmware.duringTransaction === 'downloadOnly' ? 'download' : 'download and install'} during a transaction (configured.firmware.duringTransaction)`),
  notes:
    'DownloadScheduled is optional (Part 6 step 3 note). Steps 5-6 expect a report of every connector of the other EVSEs (Available before) as Unavailable. ' +
    'The harness checks that Downloading comes only after the transaction ended (step 7); the steps after it are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      await withSession(ctx, async (session) => {
        const { step, check } = ctx;
        await energyTransferStarted(session);
        const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest while the transaction runs', () => updateFirmware(ctx, { offer: files.good }));
        check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
        await step('3-6. station reports its idle connectors Unavailable (DownloadScheduled may come first)', async () => {
          await flow.idleConnectorsUnavailable(session.evse.evseId);
          flow.optionalStatus('DownloadScheduled');
        });
        await step('7. Reusable State ParkingBayUnoccupied: the transaction ends', () => parkingBayUnoccupied(session));
        // Not before the harness asked for the driver action that ends the last transaction (the station may report the update before its Ended event is delivered).
        const endedAt = new Date(session.lastActionAt);
        await step('8-9. once the transaction has ended the station reports Downloading', async () => {
          await flow.status('Downloading');
          check.that('Downloading comes after the transaction ended', (flow.lastReceivedAt?.getTime() ?? 0) >= endedAt.getTime(), `after ${endedAt.toISOString()} (the action that ended the transaction)`, flow.lastReceivedAt?.toISOString() ?? '-');
        });
        await step('10-11. station reports Downloaded', async () => {
          await flow.downloaded(files, files.good.location);
        });
        await step('12-13. station reports SignatureVerified', () => flow.status('SignatureVerified'));
        await step('14-24. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
        await step('25-26. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
      });
    });
  },
});
