/** TC_L_15_CS: a station that can download but not install during a transaction downloads and verifies at once, then holds the installation until the transaction ends, its idle connectors Unavailable meanwhile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, parkingBayUnoccupied, setting, updateFirmware, withFirmwareFiles, withSession } from '../states';

export default defineTestCase({
  id: 'TC_L_15_CS',
  name: 'Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction'],
  configuration: [setting('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'false')],
  applicable: (config) => (config.configured.firmware.duringTransaction === 'downloadOnly' ? undefined : 'the station does not download during a transaction and install after it (configured.firmware.duringTransaction is not downloadOnly, Part 5 AQ-7)'),
  notes:
    'Step 9 may say InstallScheduled (the station waits with the installation) or Installing (it installs and waits with the activation); steps 11-12 expect a report of every connector of the other EVSEs as Unavailable. ' +
    'Part 6 step 12a asks for a pause of 30-60 s after Installing; the harness goes on at once, since the installation steps that follow are judged whenever they come. After the transaction ends the steps are judged as in TC_L_01_CS.',
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
        await step('9-10. station reports InstallScheduled or Installing', () => flow.status(['InstallScheduled', 'Installing']));
        await step('11-12. station reports its idle connectors Unavailable', async () => {
          await flow.idleConnectorsUnavailable(session.evse.evseId);
        });
        await step('13. Reusable State ParkingBayUnoccupied: the transaction ends', () => parkingBayUnoccupied(session));
        await step('14-24. station installs or activates (optional reboots) and reports Installed', () => flow.installation(['Installed']));
        await step('station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
      });
    });
  },
});
