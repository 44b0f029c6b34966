/** TC_L_12_CS: a station that cannot update during a transaction schedules the download, lets a second session start meanwhile (AllowNewSessionsPendingFirmwareUpdate true), and downloads and installs once both have ended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allowNewSessionsPending, secondSessionUnavailable, secondSessionWhileUpdateWaits, updatedAfterTransactions, updatesDuringTransactionOtherwise, withUpdateDuringTransaction } from '../states';

export default defineTestCase({
  id: 'TC_L_12_CS',
  name: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction', 'firmware.blocksNewSessions'],
  configuration: [allowNewSessionsPending(true)],
  applicable: (config) => updatesDuringTransactionOtherwise(config, 'nothing') ?? secondSessionUnavailable(config),
  notes:
    '<Configured second Connector> is the first connector of the first EVSE other than configured.evseId. Steps 3-4 (DownloadScheduled) are required, as the tool validations list them. ' +
    'While the sessions run, connector reports are theirs (Occupied, Available) and are judged by the transaction states, not as update reports. ' +
    'The harness checks that Downloading comes only after the second transaction ended (step 7); the steps after it are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withUpdateDuringTransaction(ctx, async (update) => {
      await ctx.step('3-4. station reports DownloadScheduled', () => update.flow.status('DownloadScheduled'));
      const endedAt = await secondSessionWhileUpdateWaits(update, [5, 6, 7], 'update');
      await updatedAfterTransactions(update, endedAt, true);
    });
  },
});
