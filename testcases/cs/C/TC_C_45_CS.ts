/** TC_C_45_CS: a master pass idToken the CSMS accepts must not start a transaction, even once the EV is connected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPreSession, MASTER_PASS_GROUP, nothingReported, presentAndAnswer, sessionChanged, txStartPoint, withSession, type TransactionEventCall } from '../states';

export default defineTestCase({
  id: 'TC_C_45_CS',
  name: 'Authorization by GroupId - Master pass - Not able to start transaction + groupId',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C16.FR.03'],
  detects: ['masterPass.startsTransaction'],
  configuration: [txStartPoint('Authorized'), MASTER_PASS_GROUP],
  notes:
    'TxStartPoint is set to Authorized alone (the case wants Authorized or PowerPathClosed, without ParkingBayOccupancy or EVConnected). ' +
    'The token is <Configured masterpass_idtoken>, answered Accepted with <Configured masterPassGroupId>; the step 1 validation names ' +
    'the valid idToken, read as the token presented. After step 2 and after step 3 the harness watches for the run\'s message timeout.',
  async run(ctx) {
    const masterPass = ctx.config.configured.idTokens.masterPass;
    await withSession(
      ctx,
      async (session) => {
        await presentAndAnswer(session, masterPass, '1-2');
        await nothingReported(session, 'Note: the station starts no transaction for the master pass');
        await ctx.step('3. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
        await nothingReported(session, '4. no TransactionEventRequest with triggerReason ChargingStateChanged and chargingState Charging', (call) => {
          const event = call.action === 'TransactionEvent' ? (call as TransactionEventCall).payload : undefined;
          return event?.triggerReason === 'ChargingStateChanged' && event.transactionInfo.chargingState === 'Charging' ? 'the station started charging for a master pass idToken' : sessionChanged(call);
        });
      },
      { idToken: masterPass },
    );
  },
});
