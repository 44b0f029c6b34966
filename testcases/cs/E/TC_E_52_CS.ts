/** TC_E_52_CS: with DisableRemoteAuthorization, a token unknown to the local list and cache is refused without asking the CSMS, and plugging in does not charge. */
import { defineTestCase, type CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { AUTH_ENABLED, evConnectedPreSession, ifImplemented, parkingBayOccupied, type SessionCall, setting, withSession } from '../states';

/** An AuthorizeRequest is what the station must not send. */
const authorize = (call: SessionCall): string | undefined => (call.action === 'Authorize' ? 'the station sent an AuthorizeRequest although AuthCtrlr.DisableRemoteAuthorization is true' : undefined);

/** A TransactionEventRequest with chargingState Charging: the refused token must not start charging. */
const charging = (call: SessionCall): string | undefined =>
  call.action === 'TransactionEvent' && (call.payload as { transactionInfo: { chargingState?: string } }).transactionInfo.chargingState === 'Charging' ? 'the station started charging for a token it should have refused' : undefined;

/**
 * The memory state of the case: no configured valid idToken in the authorization cache or the local authorization
 * list. The harness reads which of the two the station has enabled, empties an enabled cache with ClearCacheRequest and
 * an enabled list with an empty full SendLocalListRequest (<Configured versionNumber>); a station that refuses either
 * leaves the state unknown, so the case is inconclusive.
 */
async function noValidTokenStored(ctx: CsCaseContext): Promise<void> {
  const { csms, step, config } = ctx;
  await step('Before: memory state, no configured valid idToken in the authorization cache or the local list', async () => {
    const read = await csms.call('GetVariables', {
      getVariableData: [
        { component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } },
        { component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Enabled' } },
      ],
    });
    const enabled = (index: number): boolean => read.getVariableResult[index]?.attributeStatus === 'Accepted' && read.getVariableResult[index]?.attributeValue === 'true';
    if (enabled(0)) {
      const { status } = await csms.call('ClearCache', {});
      if (status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered ClearCacheRequest with ${status}, so its cache may still hold a valid idToken`);
    }
    if (enabled(1)) {
      const { status } = await csms.call('SendLocalList', { updateType: 'Full', versionNumber: config.configured.localListVersion });
      if (status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered an empty full SendLocalListRequest with ${status}, so its list may still hold a valid idToken`);
    }
  });
}

export default defineTestCase({
  id: 'TC_E_52_CS',
  name: 'Local start transaction - Authorization first - DisableRemoteAuthorization',
  sut: 'CS',
  useCases: ['E03', 'C01'],
  requirements: ['C01.FR.02', 'C01.FR.05'],
  detects: ['auth.ignoresDisableRemoteAuthorization', 'auth.acceptsInvalidToken'],
  configuration: [ifImplemented(AUTH_ENABLED), setting('AuthCtrlr', 'DisableRemoteAuthorization', 'true')],
  notes:
    'The memory state (no configured valid idToken in the cache or the local list) is set up by emptying whichever of the two the ' +
    'station has enabled; the token presented is then <Configured valid_idtoken_…>, which the station cannot know locally, and which the ' +
    'harness would accept if asked. Errata 2025-09 6.2.48 adds EVConnectedPreSession and the check that the station does not charge. ' +
    'Both "does not" steps watch for the message timeout.',
  async run(ctx) {
    const { step, config } = ctx;
    await noValidTokenStored(ctx);
    await withSession(ctx, async (session) => {
      const { monitor, idToken, evse } = session;
      await step('Before: reach state ParkingBayOccupied', () => parkingBayOccupied(session));
      await session.act(`Manual action: present the idToken '${idToken.idToken}', unknown to the local list and cache`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
      await step(`1. station does not send AuthorizeRequest (watched for ${config.timeouts.messageMs} ms)`, () => monitor.watch(config.timeouts.messageMs, authorize));
      await step('2. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await step(`3. station does not start charging (watched for ${config.timeouts.messageMs} ms)`, () => monitor.watch(config.timeouts.messageMs, charging));
    });
  },
});
