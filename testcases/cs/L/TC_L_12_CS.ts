/** TC_L_12_CS: a station that cannot update during a transaction schedules the download, lets a second session start meanwhile (AllowNewSessionsPendingFirmwareUpdate true), and downloads and installs once both have ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ChargingSession, energyTransferStarted, parkingBayUnoccupied, returnToIdle, secondConnector, setting, updateFirmware, withFirmwareFiles, withSession } from '../states';

export default defineTestCase({
  id: 'TC_L_12_CS',
  name: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction', 'firmware.blocksNewSessions'],
  configuration: [setting('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'true')],
  applicable: (config) => {
    const { firmware } = config.configured;
    if (firmware.duringTransaction !== 'nothing') return `the station can ${firmware.duringTransaction === 'downloadOnly' ? 'download' : 'download and install'} during a transaction (configured.firmware.duringTransaction)`;
    if (!firmware.allowNewSessions) return 'the station does not implement AllowNewSessionsPendingFirmwareUpdate (configured.firmware.allowNewSessions, Part 5 C-20)';
    return secondConnector(config) ? undefined : 'the station has one EVSE, and the case needs a second transaction (station.evses, Part 5 HFS-8 > 1)';
  },
  notes:
    '<Configured second Connector> is the first connector of the first EVSE other than configured.evseId. Steps 3-4 (DownloadScheduled) are required, as the tool validations list them. ' +
    'While the sessions run, connector reports are theirs (Occupied, Available) and are judged by the transaction states, not as update reports. ' +
    'The harness checks that Downloading comes only after the second transaction ended (step 7); the steps after it are judged as in TC_L_01_CS.',
  async run(ctx) {
    const second = secondConnector(ctx.config);
    await withFirmwareFiles(ctx, async (files) => {
      await withSession(ctx, async (first) => {
        const { step, check } = ctx;
        await energyTransferStarted(first);
        const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest while the transaction runs', () => updateFirmware(ctx, { offer: files.good }));
        check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
        await step('3-4. station reports DownloadScheduled', () => flow.status('DownloadScheduled'));
        const other = new ChargingSession(ctx, { evse: second, idToken: ctx.config.configured.idTokens.valid2 });
        await flow.duringSessions(async () => {
          try {
            await step(`5. Reusable State EnergyTransferStarted for <Configured second Connector> (EVSE ${other.evse.evseId}): a new session while the update waits`, () => energyTransferStarted(other));
            await step('6. Reusable State ParkingBayUnoccupied for <Configured connectorId>: the first transaction ends', () => parkingBayUnoccupied(first));
            await step('7. Reusable State ParkingBayUnoccupied for <Configured second Connector>: the second transaction ends', () => parkingBayUnoccupied(other));
          } finally {
            await returnToIdle(other);
          }
        });
        // Not before the harness asked for the driver action that ends the last transaction (the station may report the update before its Ended event is delivered).
        const endedAt = new Date(other.lastActionAt);
        await step('8-9. once both transactions have ended the station reports Downloading', async () => {
          await flow.status('Downloading');
          check.that('Downloading comes after the second transaction ended', (flow.lastReceivedAt?.getTime() ?? 0) >= endedAt.getTime(), `after ${endedAt.toISOString()} (the action that ended the transaction)`, flow.lastReceivedAt?.toISOString() ?? '-');
        });
        await step('10-11. station reports Downloaded', () => flow.downloaded(files, files.good.location));
        await step('12-13. station reports SignatureVerified', () => flow.status('SignatureVerified'));
        await step('14-24. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => flow.installation(['Installed']));
        await step('25-26. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
      });
    });
  },
});
