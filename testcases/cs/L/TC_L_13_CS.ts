/** TC_L_13_CS: a station that cannot update during a transaction holds the update until the transaction ends, with its idle connectors Unavailable meanwhile, then downloads and installs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allowNewSessionsPending, transactionEndsWhileUpdateWaits, updatedAfterTransactions, updatesDuringTransactionOtherwise, withUpdateDuringTransaction } from '../states';

export default defineTestCase({
  id: 'TC_L_13_CS',
  name: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.07', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.updatesDuringTransaction'],
  configuration: [allowNewSessionsPending(false)],
  applicable: (config) => updatesDuringTransactionOtherwise(config, 'nothing'),
  notes:
    'DownloadScheduled is optional (Part 6 step 3 note). Steps 5-6 expect a report of every connector of the other EVSEs (Available before) as Unavailable. ' +
    'The harness checks that Downloading comes only after the transaction ended (step 7); the steps after it are judged as in TC_L_01_CS.',
  async run(ctx) {
    await withUpdateDuringTransaction(ctx, async (update) => {
      const { flow, session } = update;
      await ctx.step('3-6. station reports its idle connectors Unavailable (DownloadScheduled may come first)', async () => {
        await flow.idleConnectorsUnavailable(session.evse.evseId);
        flow.optionalStatus('DownloadScheduled');
      });
      const endedAt = await transactionEndsWhileUpdateWaits(update, 7);
      await updatedAfterTransactions(update, endedAt, false);
    });
  },
});
