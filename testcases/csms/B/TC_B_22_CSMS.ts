/** TC_B_22_CSMS: the CSMS asks a charging station for an Immediate reset, handles the transaction it ends and the reboot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endByImmediateReset, energyTransferStarted, leaveIdle, newTransaction, rebootAfterReset, resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_22_CSMS',
  name: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  sut: 'CSMS',
  useCases: ['B12'],
  requirements: [],
  detects: ['reset.evseIdAdded', 'reset.typeIgnored', 'transaction.endedUnanswered'],
  notes:
    'The operator request is a driver action. Follows errata 2024-09 [4390]: the ResetRequest must leave evseId out. The EV stays ' +
    'plugged in, so after the reboot the connector of <Configured evseId> / <Configured connectorId> is reported Occupied and the others ' +
    'Available; afterwards (not part of Part 6) the harness unplugs it so the next case finds the station idle. ' +
    'Like a real station, the harness closes the connection after the reset and reconnects only after station.reconnectDelayMs.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await resetRequested(ctx, { type: 'Immediate' }, 'Accepted');
    await endByImmediateReset(ctx, tx);
    await rebootAfterReset(ctx, ['5-6. harness reconnects and sends BootNotificationRequest (RemoteReset)', '7-8. harness reports its connectors (the charging one Occupied)'], 'RemoteReset', tx.evse);
    await leaveIdle(ctx, tx);
  },
});
