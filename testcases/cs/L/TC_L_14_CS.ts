/** TC_L_14_CS: a station that can download but not install during a transaction downloads and verifies at once, lets a second session start while the installation waits (AllowNewSessionsPendingFirmwareUpdate true), and installs once both have ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allowNewSessionsPending, cameAfterTransaction, downloadedAtOnce, secondSessionUnavailable, secondSessionWhileUpdateWaits, updatesDuringTransactionOtherwise, withUpdateDuringTransaction } from '../states';

export default defineTestCase({
  id: 'TC_L_14_CS',
  name: 'Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction', 'firmware.blocksNewSessions'],
  configuration: [allowNewSessionsPending(true)],
  applicable: (config) => updatesDuringTransactionOtherwise(config, 'downloadOnly') ?? secondSessionUnavailable(config),
  notes:
    'The first session is on <Configured connectorId> (Part 6 names EVSE 1 connector 1, the configured one by default); <Configured second Connector> is the first connector of the first EVSE other than configured.evseId. ' +
    'Step 9 may say InstallScheduled or Installing. Part 6 step 11a asks for a pause of 30-60 s after Installing; the harness goes on at once, since the installation steps that follow are judged whenever they come. ' +
    'While the sessions run, connector reports are theirs (Occupied, Available) and are judged by the transaction states. The harness checks that the end state Installed comes only after the second transaction ended (the station activates no firmware while a transaction runs).',
  async run(ctx) {
    await withUpdateDuringTransaction(ctx, async (update) => {
      const { flow } = update;
      await downloadedAtOnce(update);
      await ctx.step('9-10. station reports InstallScheduled or Installing', () => flow.status(['InstallScheduled', 'Installing']));
      const endedAt = await secondSessionWhileUpdateWaits(update, [11, 12, 13], 'installation');
      await ctx.step('14-24. station installs or activates (optional Unavailable connectors and reboots, Installing) and reports Installed', async () => {
        await flow.installation(['Installed']);
        cameAfterTransaction(update, 'Installed', 'the second transaction', endedAt);
      });
      await ctx.step('25-26. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
