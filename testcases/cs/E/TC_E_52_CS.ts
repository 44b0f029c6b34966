/** TC_E_52_CS: with DisableRemoteAuthorization, an unknown token is refused without asking the CSMS, and plugging in does not charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPreSession, parkingBayOccupied, setting, withSession, type SessionCall } from '../states';

/** An AuthorizeRequest is what the station must not send. */
const authorize = (call: SessionCall): string | undefined => (call.action === 'Authorize' ? 'the station sent an AuthorizeRequest although AuthCtrlr.DisableRemoteAuthorization is true' : undefined);

/** A TransactionEventRequest with chargingState Charging: the refused token must not start charging. */
const charging = (call: SessionCall): string | undefined =>
  call.action === 'TransactionEvent' && (call.payload as { transactionInfo: { chargingState?: string } }).transactionInfo.chargingState === 'Charging' ? 'the station started charging for a token it should have refused' : undefined;

export default defineTestCase({
  id: 'TC_E_52_CS',
  name: 'Local start transaction - Authorization first - DisableRemoteAuthorization',
  sut: 'CS',
  useCases: ['E03', 'C01'],
  requirements: ['C01.FR.02', 'C01.FR.05'],
  detects: ['auth.ignoresDisableRemoteAuthorization', 'auth.acceptsInvalidToken'],
  configuration: [setting('AuthCtrlr', 'Enabled', 'true'), setting('AuthCtrlr', 'DisableRemoteAuthorization', 'true')],
  notes:
    'The token presented is <Configured invalid_idtoken_…>, which is in no local list or cache (the memory state of Part 6). Errata 2025-09 ' +
    '6.2.48 adds EVConnectedPreSession and the check that the station does not charge. Both "does not" steps watch for the message timeout.',
  async run(ctx) {
    const { step, config } = ctx;
    await withSession(
      ctx,
      async (session) => {
        const { monitor, idToken, evse } = session;
        await step('Before: reach state ParkingBayOccupied', () => parkingBayOccupied(session));
        await session.act(`Manual action: present the idToken '${idToken.idToken}', unknown to the local list and cache`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
        await step(`1. station does not send AuthorizeRequest (watched for ${config.timeouts.messageMs} ms)`, () => monitor.watch(config.timeouts.messageMs, authorize));
        await step('2. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
        await step(`3. station does not start charging (watched for ${config.timeouts.messageMs} ms)`, () => monitor.watch(config.timeouts.messageMs, charging));
      },
      { idToken: config.configured.idTokens.invalid },
    );
  },
});
