/** TC_F_01_CS: the EV is plugged in first, then the CSMS starts the transaction remotely and charging begins. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_01_CS',
  name: 'Remote start transaction - Cable plugin first',
  sut: 'CS',
  useCases: ['F01'],
  requirements: ['F01.FR.03', 'F01.FR.04', 'F01.FR.05', 'F01.FR.13', 'F01.FR.17', 'F01.FR.19', 'F02.FR.01'],
  detects: ['remoteStart.notRemote', 'transaction.noIdToken'],
  configuration: AUTHORIZATION_ON,
  notes:
    'Before: EVConnectedPreSession (the station may open a transaction on plugging in, depending on TxStartPoint). Then Authorized ' +
    '(remote) and EnergyTransferStarted; when a transaction was already open, the RequestStartTransactionResponse must carry its ' +
    'transactionId (F01.FR.13), and the next event triggerReason RemoteStart with the remoteStartId and the idToken.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('1. the CSMS starts the transaction remotely (Authorized, remote)', () => authorized(session, 'remote'));
      await ctx.step('2. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
