/** TC_F_03_CSMS: the CSMS starts a transaction remotely before the EV is plugged in; the station starts it without authorizing first. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, leaveIdle, newTransaction, remoteStartReported, remoteStartRequested } from '../states';

export default defineTestCase({
  id: 'TC_F_03_CSMS',
  name: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is false',
  sut: 'CSMS',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.02'],
  detects: ['remoteStart.wrongIdToken'],
  notes:
    'The harness plays a station with AuthorizeRemoteStart false: it starts the transaction at once (Started, RemoteStart, the ' +
    'CSMS\'s remoteStartId), then EnergyTransferStarted with the EV not yet connected, and ends it afterwards.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    const request = await remoteStartRequested(ctx, tx);
    await remoteStartReported(ctx, '3-4. harness sends TransactionEventRequest (Started, RemoteStart) with the remoteStartId of the CSMS', tx, request.remoteStartId, 'Started', 'Idle');
    await ctx.step('5. Reusable State EnergyTransferStarted (authorized, EV not connected)', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
