/** TC_B_21_CSMS: the CSMS asks a charging station for an OnIdle reset, handles the Scheduled answer, the end of the transaction and the reboot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endBeforeScheduledReset, energyTransferStarted, newTransaction, rebootAfterReset, resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_21_CSMS',
  name: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  sut: 'CSMS',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'],
  detects: ['reset.evseIdAdded', 'transaction.endedUnanswered'],
  notes:
    'The operator request is a driver action. Follows errata 2024-09 [4390]: the ResetRequest must leave evseId out. The transaction ' +
    'runs on <Configured evseId>; after the reboot every connector is reported Available, as the EV was unplugged in step 5. ' +
    'Like a real station, the harness closes the connection after the reset and reconnects only after station.reconnectDelayMs.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await resetRequested(ctx, { type: 'OnIdle' }, 'Scheduled');
    await endBeforeScheduledReset(ctx, tx);
    tx.evConnected = false;
    await rebootAfterReset(ctx, ['7-8. harness reconnects and sends BootNotificationRequest (ScheduledReset)', '9-10. harness reports every connector as Available'], 'ScheduledReset');
  },
});
