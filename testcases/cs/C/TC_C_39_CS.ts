/** TC_C_39_CS: a second valid idToken of the same group, accepted by the CSMS, ends a transaction the first one started. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPostSession, evDisconnected, parkingBayUnoccupied, presentAndAnswer, withGroupCharging } from '../states';

export default defineTestCase({
  id: 'TC_C_39_CS',
  name: 'Authorization by GroupId - Success',
  sut: 'CS',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.05'],
  detects: ['auth.groupIdIgnored', 'auth.noAuthorizeRequest', 'auth.stopEventWithoutToken'],
  notes:
    'The other valid idToken is <Configured valid_idtoken2>; the harness answers both tokens Accepted with <Configured groupIdToken>. ' +
    'Memory state N/a: the harness empties the authorization cache first, so the second token is not known locally and must be asked ' +
    'about (steps 6-7). Step 6 validates the valid idToken; read as the token presented there, the other one. Step 8 validates the ' +
    'valid idToken too; read (E07.FR.02) as the token that stopped the authorization, and the one that started it is accepted too. Steps 1-4 are the Authorized (local) state plus the eventType validation of step 3.',
  async run(ctx) {
    const { check, config } = ctx;
    const { valid, valid2 } = config.configured.idTokens;
    await withGroupCharging(ctx, valid2, 'Accepted', false, async (session) => {
      const { monitor } = session;
      await presentAndAnswer(session, valid2, '6-7');
      await ctx.step('8-9. station ends the authorization with TransactionEventRequest (StopAuthorized)', async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the stop by the other token of the group');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'StopAuthorized');
        check.oneOf('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, [valid2.idToken, valid.idToken]);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, (event.idToken?.idToken === valid.idToken ? valid : valid2).type);
        if (event.eventType === 'Ended' || event.transactionInfo.chargingState === 'EVConnected') session.evConnectedReported = true;
      });
      session.authorized = false;
      session.energyStarted = false;
      session.stoppedVia = 'local';
      await ctx.step('10. EVConnectedPostSession', () => evConnectedPostSession(session));
      await ctx.step('11. EVDisconnected', () => evDisconnected(session));
      await ctx.step('12. ParkingBayUnoccupied', () => parkingBayUnoccupied(session));
    });
  },
});
