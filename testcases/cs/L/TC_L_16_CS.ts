/** TC_L_16_CS: a station that can update its firmware during a transaction downloads, verifies and installs while one runs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { downloadedAtOnce, updatesDuringTransactionOtherwise, withUpdateDuringTransaction } from '../states';

export default defineTestCase({
  id: 'TC_L_16_CS',
  name: 'Secure Firmware Update - Able to update firmware with ongoing transaction',
  sut: 'CS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.06', 'L01.FR.10', 'L01.FR.20'],
  detects: ['firmware.waitsForTransactions'],
  applicable: (config) => updatesDuringTransactionOtherwise(config, 'everything'),
  notes:
    'Step 11 (the station reconnects to set up the protocol again) carries no validation: a station that activates in place without a new connection passes; one that reboots is followed as in TC_L_01_CS. ' +
    'The transaction is ended by the clean-up after the case.',
  async run(ctx) {
    await withUpdateDuringTransaction(ctx, async (update) => {
      const { flow } = update;
      await downloadedAtOnce(update);
      await ctx.step('9-13. station installs (Installing, an optional reconnect) and reports Installed', () => flow.installation(['Installed']));
      await ctx.step('14-15. station sends SecurityEventNotificationRequest FirmwareUpdated', () => flow.securityEvent('FirmwareUpdated'));
    });
  },
});
