/** TC_L_15_CS: a station that can download but not install during a transaction downloads and verifies at once, then holds the installation until the transaction ends, its idle connectors Unavailable meanwhile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allowNewSessionsPending, downloadedAtOnce, transactionEndsWhileUpdateWaits, updatesDuringTransactionOtherwise, withUpdateDuringTransaction } from '../states';

export default defineTestCase({
  id: 'TC_L_15_CS',
  name: 'Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction'],
  configuration: [allowNewSessionsPending(false)],
  applicable: (config) => updatesDuringTransactionOtherwise(config, 'downloadOnly'),
  notes:
    'Step 9 may say InstallScheduled (the station waits with the installation) or Installing (it installs and waits with the activation); steps 11-12 expect a report of every connector of the other EVSEs as Unavailable. ' +
    'Part 6 step 12a asks for a pause of 30-60 s after Installing; the harness goes on at once, since the installation steps that follow are judged whenever they come. After the transaction ends the steps are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withUpdateDuringTransaction(ctx, async (update) => {
      const { flow, session } = update;
      await downloadedAtOnce(update);
      await ctx.step('9-10. station reports InstallScheduled or Installing', () => flow.status(['InstallScheduled', 'Installing']));
      await ctx.step('11-12. station reports its idle connectors Unavailable', () => flow.idleConnectorsUnavailable(session.evse.evseId));
      await transactionEndsWhileUpdateWaits(update, 13);
      await ctx.step('14-24. station installs or activates (optional reboots) and reports Installed', () => flow.installation(['Installed']));
      await ctx.step('station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
