/** TC_F_04_CSMS: a remotely started transaction whose EV never arrives: the CSMS takes the station's connection timeout. */
import { defineTestCase } from '../../../src/engine/testcase';
import { leaveIdle, letTransactionRun, newTransaction, remoteStartReported, remoteStartRequested, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_F_04_CSMS',
  name: 'Remote start transaction - Remote start first - Cable plugin timeout',
  sut: 'CSMS',
  useCases: ['F02', 'E03'],
  requirements: ['E03.FR.04', 'E03.FR.05'],
  detects: ['remoteStart.wrongIdToken'],
  notes:
    'After <Configured Transaction Duration> the harness reports the EV connection timeout as Part 6 gives it (Updated, ' +
    'EVConnectTimeout); the CSMS must answer it. The harness ends the transaction afterwards (not part of Part 6).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    const request = await remoteStartRequested(ctx, tx);
    await remoteStartReported(ctx, '3-4. harness sends TransactionEventRequest (Started, RemoteStart) with the remoteStartId of the CSMS', tx, request.remoteStartId, 'Started', 'Idle');
    await letTransactionRun(ctx);
    await transactionEventStep(ctx, '5-6. harness sends TransactionEventRequest (Updated, EVConnectTimeout)', tx, { eventType: 'Updated', triggerReason: 'EVConnectTimeout', chargingState: 'Idle' });
    await leaveIdle(ctx, tx);
  },
});
