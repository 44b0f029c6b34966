/** TC_C_14_CS: a master pass idToken held in the authorization cache stops a transaction instead of authorizing one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOn } from '../../../src/engine/claims';
import {
  AUTH_CACHE_ON,
  defaultTokenInfo,
  energyTransferStarted,
  evConnectedPostSession,
  evDisconnected,
  idTokenCached,
  MASTER_PASS_GROUP,
  parkingBayUnoccupied,
  withSession,
} from '../states';

export default defineTestCase({
  id: 'TC_C_14_CS',
  name: 'Authorization through authorization cache - GroupID equal to MasterPassGroupId.',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.09', 'C16.FR.03'],
  detects: ['masterPass.startsTransaction'],
  configuration: [...AUTH_CACHE_ON, MASTER_PASS_GROUP],
  notes:
    'The memory state caches <Configured masterpass_idtoken>, answered Accepted with <Configured MasterPassGroupId>; a master pass ' +
    'starts nothing (C16.FR.03), so it is only presented and answered there. On a station with a master pass UI ' +
    '(configured.masterPassUi, C16.FR.01) the holder then chooses to stop the session\'s transaction, a manual action Part 6 leaves ' +
    'implicit; without one the station stops every transaction itself (C16.FR.02). The validations Part 6 puts at step 2 belong to ' +
    'the TransactionEventRequest of step 1. Steps 3-5 run while the transaction is still open.',
  async run(ctx) {
    const { check, config } = ctx;
    const masterPass = config.configured.idTokens.masterPass;
    await idTokenCached(ctx, [[masterPass, defaultTokenInfo(ctx, masterPass)]]);
    await withSession(ctx, async (session) => {
      const { monitor, evse } = session;
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await session.act(`Manual action: present the master pass idToken '${masterPass.idToken}' held in the cache`, { kind: 'presentIdToken', idToken: masterPass, evseId: evse.evseId });
      if (config.configured.masterPassUi) await session.act(`Manual action: on the master pass UI, choose to stop the transaction on EVSE ${evse.evseId}`, { kind: 'localStopSelection', evseId: evse.evseId });
      // What the station does next depends on whether it has the master pass UI the config declares.
      await relyingOn(config, 'masterPassUi', () => ctx.step('1-2. station stops the transaction for the master pass with TransactionEventRequest', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the master pass stop');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'StopAuthorized');
        check.equal('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, masterPass.idToken);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, masterPass.type);
        if (event.eventType === 'Ended') check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'MasterPass');
        if (event.eventType === 'Ended' || event.transactionInfo.chargingState === 'EVConnected') session.evConnectedReported = true;
      }));
      session.authorized = false;
      session.energyStarted = false;
      // Not a stop by the session's own token: the later states must not expect stoppedReason Local (it is MasterPass).
      session.stoppedVia = 'remote';
      if (!session.transactionOpen) return;
      await ctx.step('3. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('4. EVDisconnected', () => evDisconnected(session));
      await ctx.step('5. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
    });
  },
});
