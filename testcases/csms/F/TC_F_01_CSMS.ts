/** TC_F_01_CSMS: with the EV already plugged in and a transaction open, the CSMS starts charging remotely. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction, remoteStartReported, remoteStartRequested } from '../states';

export default defineTestCase({
  id: 'TC_F_01_CSMS',
  name: 'Remote start transaction - Cable plugin first',
  sut: 'CSMS',
  useCases: ['F01'],
  requirements: [],
  detects: ['remoteStart.wrongIdToken'],
  notes:
    'Before: EVConnectedPreSession (the harness opens the transaction on plugging in). The harness answers the ' +
    'RequestStartTransactionRequest with that transactionId and reports the remote start (Updated, RemoteStart) with the ' +
    'remoteStartId the CSMS sent; then EnergyTransferStarted with the session authorized and the EV connected.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evConnectedPreSession(ctx, tx);
    const request = await remoteStartRequested(ctx, tx, tx.transactionId);
    await remoteStartReported(ctx, '3-4. harness sends TransactionEventRequest (Updated, RemoteStart) with the remoteStartId of the CSMS', tx, request.remoteStartId, 'Updated');
    await ctx.step('5. Reusable State EnergyTransferStarted (authorized, EV connected)', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
