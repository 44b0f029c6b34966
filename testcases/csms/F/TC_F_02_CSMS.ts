/** TC_F_02_CSMS: the CSMS starts a transaction remotely before the EV is plugged in, and accepts the station's authorization of the idToken. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeStep, energyTransferStarted, leaveIdle, newTransaction, remoteStartReported, remoteStartRequested } from '../states';

export default defineTestCase({
  id: 'TC_F_02_CSMS',
  name: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is true',
  sut: 'CSMS',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.01'],
  detects: ['remoteStart.wrongIdToken'],
  notes:
    'The harness plays a station with AuthorizeRemoteStart true: after answering the request (no transactionId) it sends an ' +
    'AuthorizeRequest for the idToken, which must be Accepted, then starts the transaction (Started, RemoteStart, the CSMS\'s ' +
    'remoteStartId), then EnergyTransferStarted with the EV not yet connected.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    const request = await remoteStartRequested(ctx, tx);
    await authorizeStep(ctx, '3-4. harness sends AuthorizeRequest for the idToken; the CSMS accepts it', tx.idToken, accepted());
    await remoteStartReported(ctx, '5-6. harness sends TransactionEventRequest (Started, RemoteStart) with the remoteStartId of the CSMS', tx, request.remoteStartId, 'Started', 'Idle');
    await ctx.step('7. Reusable State EnergyTransferStarted (authorized, EV not connected)', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
