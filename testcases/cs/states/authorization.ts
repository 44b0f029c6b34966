/**
 * The authorization reusable states of Part 6 §2.18 for CS cases: Authorized (local: a token at the station; remote:
 * RequestStartTransaction) and StopAuthorized (local: the same token again; remote: RequestStopTransaction), read with
 * the 2025 errata (StopAuthorized may report the stop and the end of energy in one event or two).
 * Without an explicit variant they use configured.startTransactionVia / stopTransactionVia.
 */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { OcppRequests, TransactionEventRequest } from '../../../src/ocpp/generated';
import { chargeForTransactionDuration, energyTransferStarted, parkingBayOccupied } from './transaction';
import type { ChargingSession } from './session';

/** How a state authorizes or stops: at the station, or through the CSMS. */
export type Via = 'local' | 'remote';

/** A remoteStartId for a RequestStartTransactionRequest (any positive integer will do; random so runs do not collide). */
export const newRemoteStartId = (): number => 1 + Math.floor(Math.random() * 1_000_000);

/**
 * Authorized: the session's token is authorized, locally (driver action presentIdToken, AuthorizeRequest when
 * AuthCtrlr is enabled) or remotely (RequestStartTransactionRequest for the configured EVSE, AuthorizeRequest when
 * AuthorizeRemoteStart is true). When a transaction is open or TxStartPoint contains Authorized, the station reports the
 * authorization with a TransactionEventRequest carrying the token (and, remotely, triggerReason RemoteStart with
 * remoteStartId); that event is kept as session.authorizationEvent (undefined when none was expected).
 * With `options.cached` the token is one the station holds in its cache or list: Part 6 then does not expect the
 * AuthorizeRequest of Main A step 1 / Main B step 3, so none is waited for. With `options.groupIdToken` a remote start
 * names that group too (the H cases that use a reservation of a group).
 */
export async function authorized(session: ChargingSession, via: Via = session.ctx.config.configured.startTransactionVia, options: { readonly cached?: boolean; readonly groupIdToken?: ConfiguredIdToken; readonly chargingProfile?: OcppRequests['RequestStartTransaction']['chargingProfile'] } = {}): Promise<void> {
  const { ctx, monitor, evse, idToken } = session;
  const { check, csms } = ctx;
  await ctx.step(`Reusable State Authorized (${via})`, async () => {
    if (!session.bayOccupied && !session.evConnected) await parkingBayOccupied(session);
    const settings = await session.settings();
    // The open transaction the harness saw last counts only when it is on this session's EVSE (cases with one session per EVSE).
    const currentEvse = monitor.current?.events.find((e) => e.evse !== undefined)?.evse?.id;
    const wasOpen = monitor.transactionOpen && (currentEvse === undefined || currentEvse === evse.evseId);
    const expectEvent = wasOpen || settings.startPoints.has('Authorized');
    const checkToken = (label: string, token: { idToken: string; type: string } | undefined) => {
      check.equal(`${label}.idToken`, token?.idToken, idToken.idToken);
      check.equal(`${label}.type`, token?.type, idToken.type);
    };
    let event: TransactionEventRequest | undefined;
    if (via === 'local') {
      await session.act(`Manual action: present the idToken '${idToken.idToken}'`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
      monitor.pendingIdToken = idToken;
      if (settings.authEnabled && !options.cached) {
        await ctx.step('1-2. station sends AuthorizeRequest, harness accepts the token', async () => {
          const authorize = await monitor.next('an AuthorizeRequest', (c) => c.action === 'Authorize');
          checkToken('AuthorizeRequest.idToken', (authorize.payload as { idToken: { idToken: string; type: string } }).idToken);
        });
      }
      if (expectEvent) {
        event = await ctx.step('3-4. station reports the authorization with TransactionEventRequest', async () => {
          const reported = await monitor.nextEvent('a TransactionEventRequest for the authorization');
          check.equal('TransactionEventRequest.triggerReason', reported.triggerReason, 'Authorized');
          checkToken('TransactionEventRequest.idToken', reported.idToken);
          return reported;
        });
      }
    } else {
      await ctx.step('1-2. harness sends RequestStartTransactionRequest for the configured EVSE', async () => {
        const group = options.groupIdToken ? { groupIdToken: { idToken: options.groupIdToken.idToken, type: options.groupIdToken.type } } : {};
        const profile = options.chargingProfile ? { chargingProfile: options.chargingProfile } : {};
        const started = await csms.call('RequestStartTransaction', { idToken: { ...idToken }, evseId: evse.evseId, remoteStartId: newRemoteStartId(), ...group, ...profile });
        check.equal('RequestStartTransactionResponse.status', started.status, 'Accepted');
        if (wasOpen) check.equal('RequestStartTransactionResponse.transactionId', started.transactionId, session.transactionId);
      });
      monitor.pendingRemoteStart = true;
      monitor.pendingIdToken = idToken;
      if (settings.authEnabled && settings.authorizeRemoteStart && !options.cached) {
        await ctx.step('3-4. station sends AuthorizeRequest, harness accepts the token', async () => {
          const authorize = await monitor.next('an AuthorizeRequest', (c) => c.action === 'Authorize');
          checkToken('AuthorizeRequest.idToken', (authorize.payload as { idToken: { idToken: string; type: string } }).idToken);
        });
      }
      if (expectEvent) {
        event = await ctx.step('5-6. station reports the remote start with TransactionEventRequest', async () => {
          const reported = await monitor.nextEvent('a TransactionEventRequest for the remote start');
          check.equal('TransactionEventRequest.eventType', reported.eventType, wasOpen ? 'Updated' : 'Started');
          check.equal('TransactionEventRequest.triggerReason', reported.triggerReason, 'RemoteStart');
          check.that('TransactionEventRequest.transactionInfo.remoteStartId', reported.transactionInfo.remoteStartId !== undefined, 'present', String(reported.transactionInfo.remoteStartId));
          checkToken('TransactionEventRequest.idToken', reported.idToken);
          return reported;
        });
      }
    }
    session.authorized = true;
    session.authorizedVia = via;
    session.stoppedVia = undefined;
    session.evConnectedReported = false;
    session.authorizationEvent = event;
  });
}

/**
 * StopAuthorized: after the transaction duration the session's authorization ends, locally (the same token again) or
 * remotely (RequestStopTransactionRequest). The station reports the stop (StopAuthorized / RemoteStop) and the end of
 * energy (ChargingStateChanged, EVConnected), in one event or two; the last one ends the transaction (stoppedReason
 * Local or omitted, resp. Remote) when TxStopPoint contains Authorized, PowerPathClosed or EnergyTransfer, else both are
 * Updated. `stopTokens`: the idTokens the stop event may carry (default: the session's token, the one presented).
 */
export async function stopAuthorized(session: ChargingSession, via: Via = session.ctx.config.configured.stopTransactionVia, stopTokens?: readonly ConfiguredIdToken[]): Promise<void> {
  const { ctx, evse, idToken } = session;
  const { check, csms } = ctx;
  await ctx.step(`Reusable State StopAuthorized (${via})`, async () => {
    if (!session.energyStarted) await energyTransferStarted(session);
    await chargeForTransactionDuration(session);
    if (via === 'local') {
      await session.act(`Manual action: present the idToken '${idToken.idToken}' again to stop`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    } else {
      await ctx.step('1-2. harness sends RequestStopTransactionRequest for the transaction', async () => {
        const stopped = await csms.call('RequestStopTransaction', { transactionId: session.transactionId ?? '' });
        check.equal('RequestStopTransactionResponse.status', stopped.status, 'Accepted');
      });
    }
    await stopReported(session, via, stopTokens);
  });
}

/**
 * The chargingState `event` reports: its own, or, when it leaves the field out (Part 2 TransactionType: only a changed
 * state must be sent), the last one an earlier event of the same transaction reported, with "(unchanged)" appended.
 */
function effectiveChargingState(session: ChargingSession, event: TransactionEventRequest): string | undefined {
  if (event.transactionInfo.chargingState !== undefined) return event.transactionInfo.chargingState;
  const events = session.monitor.transaction(event.transactionInfo.transactionId)?.events ?? [];
  const earlier = events.filter((e) => e !== event && e.seqNo < event.seqNo && e.transactionInfo.chargingState !== undefined);
  const previous = earlier[earlier.length - 1]?.transactionInfo.chargingState;
  return previous === 'EVConnected' ? 'EVConnected' : previous === undefined ? undefined : `${previous} (unchanged)`;
}

/**
 * The steps of StopAuthorized after its action (also run for a stop that happened offline): the stop event
 * (StopAuthorized / RemoteStop, optional) and the end of energy (ChargingStateChanged, EVConnected), in one event or two;
 * the last ends the transaction when TxStopPoint says so. When one event is both the stop and the Ended event, it must
 * still report chargingState EVConnected (step 3 of errata 2025-09 6.2.117): a station that ends the transaction while
 * reporting Charging fails. Marks the session stopped. A local stop event that carries an idToken must carry one of
 * `stopTokens` (default: the session's token).
 */
export async function stopReported(session: ChargingSession, via: Via, stopTokens: readonly ConfiguredIdToken[] = [session.idToken]): Promise<void> {
  const { ctx, monitor } = session;
  const { check } = ctx;
  const ends = await session.stopEndsTransaction();
  const stopTrigger = via === 'local' ? 'StopAuthorized' : 'RemoteStop';
  const numbers = via === 'local' ? ['1-2', '3-4'] : ['3-4', '5-6'];
  let last = await monitor.nextEvent('a TransactionEventRequest for the stop');
  if (last.triggerReason === stopTrigger) {
    await ctx.step(`${numbers[0]}. station reports the stop with triggerReason ${stopTrigger}`, () => {
      check.equal('TransactionEventRequest.triggerReason', last.triggerReason, stopTrigger);
      if (via === 'local' && last.idToken !== undefined) {
        const carried = `${last.idToken.idToken}/${last.idToken.type}`;
        check.oneOf('TransactionEventRequest.idToken (idToken/type)', carried, stopTokens.map((t) => `${t.idToken}/${t.type}`));
      }
    });
    if (last.eventType !== 'Ended') last = await monitor.nextEvent('a TransactionEventRequest for the end of the energy transfer');
  }
  if (last.triggerReason !== stopTrigger) {
    await ctx.step(`${numbers[1]}. station reports the end of the energy transfer`, () => {
      check.equal('TransactionEventRequest.triggerReason', last.triggerReason, 'ChargingStateChanged');
      check.equal('TransactionEventRequest.transactionInfo.chargingState', last.transactionInfo.chargingState, 'EVConnected');
    });
  } else {
    // Errata 2025-09 6.2.117: one event may be both the stop and the end of the transaction; step 3's chargingState still applies to it.
    const stopEvent = last;
    await ctx.step(`${numbers[1]}. the stop event also ends the transaction: it reports the end of the energy transfer (chargingState EVConnected)`, () => {
      check.equal('TransactionEventRequest.transactionInfo.chargingState', effectiveChargingState(session, stopEvent), 'EVConnected');
    });
  }
  session.evConnectedReported = true;
  await ctx.step('Last event of the stop: eventType and stoppedReason as TxStopPoint says', () => {
    check.equal('last TransactionEventRequest.eventType', last.eventType, ends ? 'Ended' : 'Updated');
    if (ends && via === 'local') check.oneOf('last TransactionEventRequest.transactionInfo.stoppedReason', last.transactionInfo.stoppedReason, ['Local', undefined]);
    if (ends && via === 'remote') check.equal('last TransactionEventRequest.transactionInfo.stoppedReason', last.transactionInfo.stoppedReason, 'Remote');
  });
  session.authorized = false;
  session.energyStarted = false;
  session.stoppedVia = via;
}
