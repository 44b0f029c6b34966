/** TC_K_37_CSMS: asked by its operator, the CSMS starts a transaction remotely with a TxProfile in the RequestStartTransactionRequest. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, csmsCalled, idTokenOf, leaveIdle, newTransaction, remoteStartReported } from '../states';

export default defineTestCase({
  id: 'TC_K_37_CSMS',
  name: 'Remote start transaction with charging profile - Success',
  sut: 'CSMS',
  useCases: ['K05', 'F01'],
  requirements: ['K05.FR.02', 'F01.FR.08', 'F01.FR.09', 'F01.FR.11'],
  detects: ['smartCharging.noProfileOnRemoteStart', 'smartCharging.wrongPurpose', 'remoteStart.wrongIdToken'],
  notes:
    'Follows errata 2025-04 (6.3.13): kind Relative or Absolute, with startSchedule only for Absolute. The operator asks for a ' +
    'Relative TxProfile of 6 A (driver action remoteStartWithProfile). The harness reports the start as a new transaction (Started).',
  async run(ctx) {
    const { check, config } = ctx;
    const { configured } = config;
    const tx = newTransaction(config);
    const valid = configured.idTokens.valid;
    const profile = configuredProfile(ctx, { purpose: 'TxProfile', kind: 'Relative', amps: 6, duration: undefined });
    const { call } = await csmsCalled(ctx, '1-2. the CSMS, asked to start a transaction remotely with a TxProfile, sends RequestStartTransactionRequest; harness accepts', { kind: 'remoteStartWithProfile', stationId: config.station.id, evseId: tx.evse.id, idToken: idTokenOf(valid), profile }, 'RequestStartTransaction', (c) => c.respond({ status: 'Accepted' }));
    await ctx.step('Step 1: RequestStartTransactionRequest as Part 6 lists it', () => {
      const request = call.payload;
      check.equal('RequestStartTransactionRequest.idToken.idToken', request.idToken.idToken, valid.idToken);
      check.equal('RequestStartTransactionRequest.idToken.type', request.idToken.type, valid.type);
      check.equal('RequestStartTransactionRequest.evseId', request.evseId, configured.evseId);
      check.that('RequestStartTransactionRequest.chargingProfile', request.chargingProfile !== undefined, 'present', '(omitted)');
      const p = request.chargingProfile;
      if (!p) return;
      checkProfile(ctx, 'RequestStartTransactionRequest', request.evseId, p, { purpose: 'TxProfile', kinds: ['Relative', 'Absolute'], transactionId: null });
      checkPart2Profile(ctx, 'RequestStartTransactionRequest', request.evseId, p);
    });
    await remoteStartReported(ctx, '3-4. harness sends TransactionEventRequest (Started, RemoteStart) with the remoteStartId of the CSMS', tx, call.payload.remoteStartId, 'Started');
    await leaveIdle(ctx, tx);
  },
});
