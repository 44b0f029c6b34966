/** TC_L_14_CS: a station that can download but not install during a transaction downloads and verifies at once, lets a second session start while the installation waits (AllowNewSessionsPendingFirmwareUpdate true), and installs once both have ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ChargingSession, energyTransferStarted, parkingBayUnoccupied, returnToIdle, secondConnector, setting, updateFirmware, withFirmwareFiles, withSession } from '../states';

export default defineTestCase({
  id: 'TC_L_14_CS',
  name: 'Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction', 'firmware.blocksNewSessions'],
  configuration: [setting('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'true')],
  applicable: (config) => {
    const { firmware } = config.configured;
    if (firmware.duringTransaction !== 'downloadOnly') return 'the station does not download during a transaction and install after it (configured.firmware.duringTransaction is not downloadOnly, Part 5 AQ-7)';
    if (!firmware.allowNewSessions) return 'the station does not implement AllowNewSessionsPendingFirmwareUpdate (configured.firmware.allowNewSessions, Part 5 C-20)';
    return secondConnector(config) ? undefined : 'the station has one EVSE, and the case needs a second transaction (station.evses, Part 5 HFS-8 > 1)';
  },
  notes:
    'The first session is on <Configured connectorId> (Part 6 names EVSE 1 connector 1, the configured one by default); <Configured second Connector> is the first connector of the first EVSE other than configured.evseId. ' +
    'Step 9 may say InstallScheduled or Installing. Part 6 step 11a asks for a pause of 30-60 s after Installing; the harness goes on at once, since the installation steps that follow are judged whenever they come. ' +
    'While the sessions run, connector reports are theirs (Occupied, Available) and are judged by the transaction states. The harness checks that the end state Installed comes only after the second transaction ended (the station activates no firmware while a transaction runs).',
  async run(ctx) {
    const second = secondConnector(ctx.config);
    await withFirmwareFiles(ctx, async (files) => {
      await withSession(ctx, async (first) => {
        const { step, check } = ctx;
        await energyTransferStarted(first);
        const { response, flow } = await step('1-2. harness sends UpdateFirmwareRequest while the transaction runs', () => updateFirmware(ctx, { offer: files.good }));
        check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
        await step('3-4. station reports Downloading', () => flow.status('Downloading'));
        await step('5-6. station reports Downloaded', () => flow.downloaded(files, files.good.location));
        await step('7-8. station reports SignatureVerified', () => flow.status('SignatureVerified'));
        await step('9-10. station reports InstallScheduled or Installing', () => flow.status(['InstallScheduled', 'Installing']));
        const other = new ChargingSession(ctx, { evse: second, idToken: ctx.config.configured.idTokens.valid2 });
        await flow.duringSessions(async () => {
          try {
            await step(`11. Reusable State EnergyTransferStarted for <Configured second Connector> (EVSE ${other.evse.evseId}): a new session while the installation waits`, () => energyTransferStarted(other));
            await step('12. Reusable State ParkingBayUnoccupied for <Configured connectorId>: the first transaction ends', () => parkingBayUnoccupied(first));
            await step('13. Reusable State ParkingBayUnoccupied for <Configured second Connector>: the second transaction ends', () => parkingBayUnoccupied(other));
          } finally {
            await returnToIdle(other);
          }
        });
        // Not before the harness asked for the driver action that ends the last transaction (the station may report the update before its Ended event is delivered).
        const endedAt = new Date(other.lastActionAt);
        await step('14-24. station installs or activates (optional Unavailable connectors and reboots, Installing) and reports Installed', async () => {
          await flow.installation(['Installed']);
          check.that('Installed comes after the second transaction ended', (flow.lastReceivedAt?.getTime() ?? 0) >= endedAt.getTime(), `after ${endedAt.toISOString()} (the action that ended the transaction)`, flow.lastReceivedAt?.toISOString() ?? '-');
        });
        await step('25-26. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
      });
    });
  },
});
