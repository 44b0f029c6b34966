/**
 * What the Block C authorization cache and GroupId cases share (Part 6 §2.4, §2.18, §2.19): their Before
 * configuration, how the harness answers each token, the IdTokenCached memory state, authorization from the cache, a
 * token the CSMS refuses, ClearCache, and the Deauthorized state (errata 2025-09 6.2.118).
 */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive, VerdictError } from '../../../src/engine/verdict';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { authorized, stopAuthorized } from './authorization';
import { ifImplemented, LOCAL_PRE_AUTHORIZE, offlineTxForUnknownId, setting } from './configuration';
import { defaultTokenInfo, isMeterOnly, monitorOf, type IdTokenInfo, type SessionCall, type StationMonitor } from './monitor';
import { connectionClosed, queuedEvents } from './offline';
import { ChargingSession } from './session';
import { energyTransferStarted, evConnectedPreSession, evDisconnected, parkingBayOccupied, parkingBayUnoccupied, withSession } from './transaction';

/** Part 6 "AuthCacheEnabled is true" (AuthCacheCtrlr.Enabled), without Part 6's mark: mandatory in TC_C_36_CS, "(If implemented)" elsewhere. */
export const AUTH_CACHE_ENABLED: ConfigurationSetting = setting('AuthCacheCtrlr', 'Enabled', 'true');

/** Part 6 "AuthCacheEnabled is true (If implemented)" and "LocalPreAuthorize is true (If implemented)": the cache cases that mark both optional. */
export const AUTH_CACHE_ON: readonly ConfigurationSetting[] = [ifImplemented(AUTH_CACHE_ENABLED), ifImplemented(LOCAL_PRE_AUTHORIZE)];

/** Part 6 "AuthCacheEnabled is true (If implemented)" with "LocalPreAuthorize is true" unmarked, as TC_C_32_CS to TC_C_34_CS have it. */
export const AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED: readonly ConfigurationSetting[] = [ifImplemented(AUTH_CACHE_ENABLED), LOCAL_PRE_AUTHORIZE];

/** AuthCacheCtrlr.DisablePostAuthorize (Part 6 "AuthCacheCtrlrDisablePostAuthorize"), without Part 6's mark. */
export const cachePostAuthorizeDisabled = (disabled: boolean): ConfigurationSetting => setting('AuthCacheCtrlr', 'DisablePostAuthorize', String(disabled));

/** The Before configuration of the cases about tokens cached with a status other than Accepted: AUTH_CACHE_ON and DisablePostAuthorize false, all three "(If implemented)". */
export const CACHE_POST_AUTHORIZE_ON: readonly ConfigurationSetting[] = [...AUTH_CACHE_ON, ifImplemented(cachePostAuthorizeDisabled(false))];

/**
 * The Before configuration of the C12 offline cases: AUTH_CACHE_ON, AuthCtrlr.LocalAuthorizeOffline true (unmarked)
 * and, when the case lists it, AuthCtrlr.OfflineTxForUnknownIdEnabled true "(If implemented)".
 */
export const offlineFromCache = (unknownIdAllowed: boolean): ConfigurationSetting[] => [
  ...AUTH_CACHE_ON,
  setting('AuthCtrlr', 'LocalAuthorizeOffline', 'true'),
  ...(unknownIdAllowed ? [ifImplemented(offlineTxForUnknownId(true))] : []),
];

/** Part 6 "AuthCtrlr.MasterPassGroupId is <Configured MasterPassGroupId>". */
export const MASTER_PASS_GROUP: ConfigurationSetting = setting('AuthCtrlr', 'MasterPassGroupId', (config) => config.configured.masterPassGroupId.idToken);

/** TxCtrlr.StopTxOnInvalidId (Part 6 "StopTxOnInvalidId"). */
export const stopTxOnInvalidId = (stop: boolean): ConfigurationSetting => setting('TxCtrlr', 'StopTxOnInvalidId', String(stop));

/** TxCtrlr.MaxEnergyOnInvalidId in Wh (Part 6 "MaxEnergyOnInvalidId"), without Part 6's mark ("(If implemented)" in TC_C_26_CS only). */
export const maxEnergyOnInvalidId = (wh: number): ConfigurationSetting => setting('TxCtrlr', 'MaxEnergyOnInvalidId', String(wh));

/** TxCtrlr.StopTxOnInvalidId and TxCtrlr.MaxEnergyOnInvalidId (Wh), both unmarked, as the C12 / C15 cases and TC_C_34_CS set them. */
export const onInvalidId = (stopTx: boolean, maxEnergyWh: number): ConfigurationSetting[] => [stopTxOnInvalidId(stopTx), maxEnergyOnInvalidId(maxEnergyWh)];

const sameToken = (a: { idToken: string; type: string } | undefined, b: { idToken: string; type: string }): boolean => a?.idToken === b.idToken && a.type === b.type;

/** An idTokenInfo with `status` and the configured group (<Configured groupIdToken>) as groupIdToken. */
export function inGroup(ctx: CsCaseContext, status: IdTokenInfo['status']): IdTokenInfo {
  return { status, groupIdToken: { ...ctx.config.configured.idTokens.group } };
}

/**
 * From now on the harness (as CSMS) answers AuthorizeRequest and TransactionEventRequest about `token` with `info`;
 * other tokens keep their previous answers. Returns how to go back to the previous answers.
 */
export function answerToken(monitor: StationMonitor, token: ConfiguredIdToken, info: IdTokenInfo): () => void {
  const previous = monitor.tokenInfo;
  monitor.tokenInfo = (presented) => (sameToken(presented, token) ? info : previous(presented));
  return () => {
    monitor.tokenInfo = previous;
  };
}

/** Sends ClearCacheRequest as a step of its own, checks the status when `expected` is given (a tool validation), and returns it. */
export async function clearCache(ctx: CsCaseContext, title: string, expected?: 'Accepted' | 'Rejected'): Promise<'Accepted' | 'Rejected'> {
  return ctx.step(title, async () => {
    const { status } = await ctx.csms.call('ClearCache', {});
    if (expected) ctx.check.equal('ClearCacheResponse.status', status, expected);
    return status;
  });
}

/** The CALLERROR codes with which a station says it does not have a feature at all (Part 4). */
const LACKS_FEATURE: ReadonlySet<string> = new Set(['NotImplemented', 'NotSupported']);

/** The CALLERROR code of a failed `csms.call`, when the station answered with one. */
function callErrorCode(error: unknown): string | undefined {
  if (!(error instanceof VerdictError) || error.code !== 'OCPPCT_CALL_FAILED') return undefined;
  return /\bCALLERROR (\w+)/.exec(error.message)?.[1];
}

/** How a station answered ClearCacheRequest: its status, or the CALLERROR code of a station that lacks the feature. */
type ClearCacheOutcome = { readonly status: 'Accepted' | 'Rejected' } | { readonly lacking: string };

/** Sends ClearCacheRequest; a CALLERROR NotImplemented or NotSupported is an answer here (no cache), any other still fails the case. */
async function tryClearCache(ctx: CsCaseContext): Promise<ClearCacheOutcome> {
  try {
    return { status: (await ctx.csms.call('ClearCache', {})).status };
  } catch (error) {
    const code = callErrorCode(error);
    if (code && LACKS_FEATURE.has(code)) return { lacking: code };
    throw error;
  }
}

/**
 * A memory state such as "the idToken is not in the Authorization Cache" (TC_C_04_CS, TC_C_33_CS, the GroupId cases):
 * the harness empties the cache with ClearCacheRequest. A station without the feature already satisfies the state, so
 * the case goes on and a step says why: ClearCacheRequest answered CALLERROR NotImplemented or NotSupported, or Rejected
 * while AuthCacheCtrlr is absent, not Available or not Enabled (C11.FR.04: a disabled cache is not used). Rejected by an
 * enabled cache means it could not be emptied (C11.FR.05): the state is unknown and the case inconclusive.
 */
export async function tokenNotCached(ctx: CsCaseContext, title: string): Promise<void> {
  await ctx.step(title, async () => {
    const outcome = await tryClearCache(ctx);
    if ('lacking' in outcome) {
      await ctx.step(`The station has no authorization cache (ClearCacheRequest answered CALLERROR ${outcome.lacking}): no idToken can be in it, so the memory state holds`, () => undefined);
      return;
    }
    if (outcome.status === 'Accepted') return;
    const read = await ctx.step('ClearCacheRequest was Rejected: harness reads AuthCacheCtrlr.Available and Enabled to learn whether the cache is in use', () =>
      ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Available' } }, { component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } }] }),
    );
    const value = (index: number): string | undefined => (read.getVariableResult[index]?.attributeStatus === 'Accepted' ? read.getVariableResult[index]?.attributeValue : undefined);
    const unused = value(0) === 'false' || value(1) !== 'true';
    if (!unused) throw inconclusive('OCPPCT_PRECONDITION', 'the station answered ClearCacheRequest with Rejected although its authorization cache is enabled (C11.FR.05: it could not empty it), so the idToken may still be cached');
    const why = value(0) === 'false' ? 'AuthCacheCtrlr.Available is false' : value(1) === undefined ? 'the station has no AuthCacheCtrlr.Enabled' : `AuthCacheCtrlr.Enabled is ${value(1)}`;
    await ctx.step(`The station's authorization cache is not in use (${why}; ClearCacheRequest Rejected, C11.FR.04): no idToken is taken from it, so the memory state holds`, () => undefined);
  });
}

/**
 * Memory State IdTokenCached (§2.19, as errata 2025-09 6.2.120 rewrote it) for each token with the status the harness
 * gives it: the cache is emptied first (so it holds exactly these tokens), then per token ParkingBayOccupied and
 * Authorized; for an Accepted token the session then runs to its end (EVConnectedPreSession, EnergyTransferStarted,
 * StopAuthorized, EVDisconnected, ParkingBayUnoccupied). A token the CSMS does not accept, or a master pass token, is
 * presented locally (a remote start would not ask the CSMS) and answered, and the EV leaves the bay again.
 */
export async function idTokenCached(ctx: CsCaseContext, entries: readonly (readonly [ConfiguredIdToken, IdTokenInfo])[]): Promise<void> {
  const monitor = monitorOf(ctx);
  await ctx.step(`Memory State IdTokenCached (${entries.map(([token, info]) => `${token.idToken}: ${info.status}`).join(', ')})`, async () => {
    const outcome = await ctx.step('Prepare: harness sends ClearCacheRequest, so the cache holds only the tokens of this state', () => tryClearCache(ctx));
    if ('lacking' in outcome) throw inconclusive('OCPPCT_PRECONDITION', `the station has no authorization cache (ClearCacheRequest answered CALLERROR ${outcome.lacking}), so the memory state IdTokenCached cannot be set up`);
    if (outcome.status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered ClearCacheRequest with ${outcome.status}, so the memory state IdTokenCached cannot be set up`);
    for (const [token, info] of entries) {
      const restore = answerToken(monitor, token, info);
      try {
        const session = new ChargingSession(ctx, { idToken: token });
        await parkingBayOccupied(session);
        // C16.FR.03: a master pass token starts nothing either, so it is only presented and answered.
        const masterPass = info.groupIdToken !== undefined && sameToken(info.groupIdToken, ctx.config.configured.masterPassGroupId);
        if (info.status !== 'Accepted' || masterPass) {
          await presentAndAnswer(session, token, '2 (Authorized)');
          await parkingBayUnoccupied(session);
          continue;
        }
        await authorized(session);
        await evConnectedPreSession(session);
        await energyTransferStarted(session);
        await stopAuthorized(session);
        await evDisconnected(session);
        await parkingBayUnoccupied(session);
      } finally {
        restore();
      }
    }
  });
}

/** Memory State IdTokenCached for <Configured valid_idtoken>, with the answer the harness gives it by default (Accepted, in the configured group). */
export function validTokenCached(ctx: CsCaseContext): Promise<void> {
  const valid = ctx.config.configured.idTokens.valid;
  return idTokenCached(ctx, [[valid, defaultTokenInfo(ctx, valid)]]);
}

/**
 * Presents `token` at the session's EVSE and expects the AuthorizeRequest for it, which the harness answers with what
 * `answerToken` (or the default) says about the token: steps `numbers` of a Part 6 case.
 */
export async function presentAndAnswer(session: ChargingSession, token: ConfiguredIdToken, numbers: string): Promise<void> {
  const { ctx, monitor, evse } = session;
  await session.act(`Manual action: present the idToken '${token.idToken}'`, { kind: 'presentIdToken', idToken: token, evseId: evse.evseId });
  const status = monitor.tokenInfo(token).status;
  await ctx.step(`${numbers}. station sends AuthorizeRequest for '${token.idToken}', harness answers ${status}`, async () => {
    const call = await monitor.next(`an AuthorizeRequest for '${token.idToken}'`, (c) => c.action === 'Authorize');
    const { idToken } = (call as IncomingCall<'Authorize'>).payload;
    ctx.check.equal('AuthorizeRequest.idToken.idToken', idToken.idToken, token.idToken);
    ctx.check.equal('AuthorizeRequest.idToken.type', idToken.type, token.type);
  });
}

/**
 * Watches the station for <Configured message timeout> (the run's message timeout): a message for which `forbidden`
 * returns a reason fails the case (by default any TransactionEventRequest that is more than meter values: a refused
 * token must not change the session).
 */
export async function nothingReported(session: ChargingSession, title: string, forbidden: (call: SessionCall) => string | undefined = sessionChanged): Promise<void> {
  const ms = session.ctx.config.timeouts.messageMs;
  await session.ctx.step(`${title} (watched for <Configured message timeout>, ${ms} ms)`, () => session.monitor.watch(ms, forbidden));
}

/** The default of `nothingReported`: a TransactionEventRequest that is more than meter values. */
export function sessionChanged(call: SessionCall): string | undefined {
  if (call.action !== 'TransactionEvent') return undefined;
  const event = call.payload as TransactionEventRequest;
  if (isMeterOnly(event)) return undefined;
  return `the station sent a TransactionEventRequest (eventType ${event.eventType}, triggerReason ${event.triggerReason}) for a token it should not have accepted`;
}

/** Fails the step when the station asked the CSMS about a token since the last driver action (it should have used its cache or list). */
export function noAuthorizeSinceAction(session: ChargingSession): void {
  const asked = session.monitor.discard((c) => c.action === 'Authorize' && c.receivedAt.getTime() >= session.lastActionAt);
  session.ctx.check.that('AuthorizeRequest after the token was presented', asked.length === 0, 'none: the station decides from its cache', `${asked.length} sent`);
}

/**
 * Authorized (local) for a token the station has cached as Accepted, with LocalPreAuthorize true (C12.FR.02): the
 * token is presented and the station reports the authorization with TransactionEventRequest (triggerReason
 * Authorized, the token, eventType Updated when a transaction is open, else Started) when a transaction is open or
 * TxStartPoint contains Authorized, without sending an AuthorizeRequest. With configured.startTransactionVia remote,
 * the Authorized (remote) state runs instead (errata 2025-09 6.2.22), for a cached token: no AuthorizeRequest is
 * waited for even when AuthorizeRemoteStart is true (Main B step 3 is skipped for a cached idToken).
 */
export async function authorizedFromCache(session: ChargingSession, numbers: string): Promise<void> {
  const { ctx, monitor, evse, idToken } = session;
  const { check } = ctx;
  if (ctx.config.configured.startTransactionVia === 'remote') return authorized(session, 'remote', { cached: true });
  await ctx.step('Reusable State Authorized (local, idToken cached as Accepted)', async () => {
    if (!session.bayOccupied && !session.evConnected) await parkingBayOccupied(session);
    const { startPoints } = await session.settings();
    const wasOpen = monitor.transactionOpen;
    await session.act(`Manual action: present the cached idToken '${idToken.idToken}'`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    monitor.pendingIdToken = idToken;
    if (wasOpen || startPoints.has('Authorized')) {
      await ctx.step(`${numbers}. station reports the authorization with TransactionEventRequest, without asking the CSMS`, async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest for the authorization');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'Authorized');
        check.equal('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, idToken.idToken);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, idToken.type);
        check.equal('TransactionEventRequest.eventType', event.eventType, wasOpen ? 'Updated' : 'Started');
        noAuthorizeSinceAction(session);
      });
    } else {
      const ms = ctx.config.timeouts.messageMs;
      await ctx.step(`${numbers}. station authorizes the cached token without an AuthorizeRequest (watched for <Configured message timeout>, ${ms} ms)`, async () => {
        await monitor.watch(ms);
        noAuthorizeSinceAction(session);
      });
    }
    session.authorized = true;
    session.authorizedVia = 'local';
    session.stoppedVia = undefined;
    session.evConnectedReported = false;
  });
}

/**
 * The Authorized state (local, with AuthorizeRequest) plus the tool validation the C cases add to its event: when the
 * station reports the authorization, eventType is Updated if the transaction had already started, else Started.
 */
export async function authorizedWithEventType(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const wasOpen = monitor.transactionOpen;
  const seen = monitor.events.length;
  await authorized(session, 'local');
  const event = monitor.events.slice(seen).find((c) => c.payload.triggerReason === 'Authorized')?.payload;
  if (!event) return;
  await ctx.step('Authorization event: eventType Updated when the transaction had already started, else Started', () => {
    ctx.check.equal('TransactionEventRequest.eventType', event.eventType, wasOpen ? 'Updated' : 'Started');
  });
}

/**
 * Reusable State Deauthorized (errata 2025-09 6.2.118), for a session whose token the CSMS has declared invalid in its
 * answer to a TransactionEventRequest (the caller set that answer with `answerToken`): steps 1-2 are the first
 * TransactionEventRequest carrying the token since it was presented (waited for if it has not come yet); steps 3-4 the
 * deauthorization the station then reports (StopTxOnInvalidId is true): triggerReason Deauthorized, chargingState
 * EVConnected or SuspendedEVSE, Ended with stoppedReason DeAuthorized when TxStopPoint contains Authorized,
 * PowerPathClosed or EnergyTransfer, else Updated.
 */
export async function deauthorized(session: ChargingSession): Promise<TransactionEventRequest> {
  const { ctx, monitor, idToken } = session;
  const { check } = ctx;
  return ctx.step('Reusable State Deauthorized', async () => {
    const carriesToken = (event: TransactionEventRequest) => sameToken(event.idToken, idToken);
    const answered = monitor.events.some((c) => c.receivedAt.getTime() >= session.lastActionAt && carriesToken(c.payload));
    if (!answered) {
      await ctx.step(`1-2. station sends TransactionEventRequest with the idToken, harness answers ${monitor.tokenInfo(idToken).status}`, async () => {
        const event = await monitor.nextEvent('a TransactionEventRequest carrying the idToken', {}, carriesToken);
        check.equal('TransactionEventRequest.idToken.idToken', event.idToken?.idToken, idToken.idToken);
        check.equal('TransactionEventRequest.idToken.type', event.idToken?.type, idToken.type);
      });
    }
    const ends = await session.stopEndsTransaction();
    const event = await ctx.step('3-4. station reports that the transaction is deauthorized', async () => {
      const call = await monitor.next('a TransactionEventRequest with triggerReason Deauthorized', (c) => c.action === 'TransactionEvent' && (c.payload as TransactionEventRequest).triggerReason === 'Deauthorized');
      const event = call.payload as TransactionEventRequest;
      // What the station reported before it heard the CSMS's answer (e.g. the energy starting) is superseded by the deauthorization.
      monitor.discard((c) => c.action === 'TransactionEvent' && c.receivedAt.getTime() <= call.receivedAt.getTime());
      check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'Deauthorized');
      check.oneOf('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, ['EVConnected', 'SuspendedEVSE']);
      check.equal('TransactionEventRequest.eventType', event.eventType, ends ? 'Ended' : 'Updated');
      if (ends) check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'DeAuthorized');
      return event;
    });
    session.authorized = false;
    session.energyStarted = false;
    // The CSMS ended the authorization, so the later states must not stop it again at the station.
    session.stoppedVia = 'remote';
    return event;
  });
}

/**
 * The C01 refusal cases: the EV is connected first (EVConnectedPreSession) unless a cable lock keeps it out, then
 * `token` is presented, the harness answers its AuthorizeRequest with `info`, and for <Configured message timeout> the
 * station reports nothing more about the session.
 */
export async function refusedAtStart(ctx: CsCaseContext, token: ConfiguredIdToken, info: IdTokenInfo, evFirst: boolean): Promise<void> {
  await withSession(
    ctx,
    async (session) => {
      if (evFirst) await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      answerToken(session.monitor, token, info);
      await presentAndAnswer(session, token, '1-2');
      await nothingReported(session, 'Note: no TransactionEventRequest follows the refused authorization');
    },
    { idToken: token },
  );
}

/**
 * The C12 cases about a token cached with a status other than Accepted: Memory State IdTokenCached for `token` with
 * `cached`, then (Before) EVConnectedPreSession with a session of that token, then `main`.
 */
export async function withCachedToken(ctx: CsCaseContext, token: ConfiguredIdToken, cached: IdTokenInfo, main: (session: ChargingSession) => Promise<void>): Promise<void> {
  await idTokenCached(ctx, [[token, cached]]);
  await withSession(
    ctx,
    async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await main(session);
    },
    { idToken: token },
  );
}

/**
 * TC_C_09_CS to TC_C_11_CS: `token` is cached with `status`, and presented again with the station online, the station
 * asks the CSMS about it (C10.FR.03, C12.FR.05), which answers `status` again.
 */
export async function cachedTokenAskedAgain(ctx: CsCaseContext, token: ConfiguredIdToken, status: IdTokenInfo['status']): Promise<void> {
  await withCachedToken(ctx, token, { status }, async (session) => {
    answerToken(session.monitor, token, { status });
    await presentAndAnswer(session, token, '1-2');
  });
}

/**
 * The GroupId cases: the harness answers <Configured valid_idtoken> Accepted and `other` with `otherStatus`, both with
 * the configured groupIdToken. With `cached`, IdTokenCached first puts both in the cache; without, the cache is emptied
 * so neither is known locally. Then, with a session of the valid token: EVConnectedPreSession, the valid token
 * authorizes (from the cache: steps 1-2; asked about: steps 1-4 with the eventType validation of step 3), and
 * EnergyTransferStarted (step 3 or 5). `main` goes on with the session.
 */
export async function withGroupCharging(
  ctx: CsCaseContext,
  other: ConfiguredIdToken,
  otherStatus: IdTokenInfo['status'],
  cached: boolean,
  main: (session: ChargingSession) => Promise<void>,
): Promise<void> {
  const valid = ctx.config.configured.idTokens.valid;
  const answers = [[valid, inGroup(ctx, 'Accepted')], [other, inGroup(ctx, otherStatus)]] as const;
  if (cached) await idTokenCached(ctx, answers);
  else await tokenNotCached(ctx, 'Before: memory state, neither token is in the authorization cache (harness sends ClearCacheRequest)');
  await withSession(ctx, async (session) => {
    for (const [token, info] of answers) answerToken(session.monitor, token, info);
    await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
    if (cached) await ctx.step('Manual action, 1-2: present the cached valid idToken of the group; the station reports the authorization', () => authorizedFromCache(session, '1-2'));
    else await ctx.step('Manual action, 1-4: present the valid idToken of the group; the CSMS accepts it', () => authorizedWithEventType(session));
    await ctx.step(`${cached ? 3 : 5}. energy starts to flow (EnergyTransferStarted)`, () => energyTransferStarted(session));
    await main(session);
  });
}

/**
 * Steps 1-4 of the C12 offline cases (TC_C_15_CS to TC_C_18_CS), from EVConnectedPreSession: the harness closes the
 * connection and refuses reconnects, the valid idToken held in the cache is presented, the harness waits
 * <Configured Transaction Duration> and lets the station back; the station sends what it queued, and the harness
 * answers the idToken Invalid. Checks the step 3 validations: an event with triggerReason Authorized (optional) carries
 * the valid idToken and offline true, and an event with triggerReason ChargingStateChanged has offline true. Returns
 * the queued events.
 */
export async function cachedTokenUsedOffline(session: ChargingSession): Promise<TransactionEventRequest[]> {
  const { ctx, monitor, idToken, evse } = session;
  const { check } = ctx;
  const seconds = ctx.config.configured.transactionDuration;
  answerToken(monitor, idToken, { status: 'Invalid' });
  const offline = await connectionClosed(ctx, '1. harness closes the WebSocket connection and refuses reconnection');
  await session.act(`Manual action: present the idToken '${idToken.idToken}' held in the cache`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
  session.authorized = true;
  await ctx.step(`Note: wait <Configured Transaction Duration> (${seconds} s) while the station is offline`, () => monitor.watch(seconds * 1000, undefined, { acrossReconnect: true }));
  await offline.reconnect('2. harness accepts the reconnection attempt');
  const events = await queuedEvents(session, '3-4. station sends its queued TransactionEventRequests, harness answers the idToken Invalid', (queued) =>
    queued.some((e) => e.triggerReason === 'ChargingStateChanged'),
  );
  await ctx.step('3. queued events: the authorization and the start of charging, flagged offline', () => {
    const authorizedEvent = events.find((e) => e.triggerReason === 'Authorized');
    if (authorizedEvent) {
      check.equal('TransactionEventRequest (Authorized).idToken.idToken', authorizedEvent.idToken?.idToken, idToken.idToken);
      check.equal('TransactionEventRequest (Authorized).idToken.type', authorizedEvent.idToken?.type, idToken.type);
      check.equal('TransactionEventRequest (Authorized).offline', authorizedEvent.offline, true);
    }
    const charging = events.find((e) => e.triggerReason === 'ChargingStateChanged');
    check.that('queued TransactionEventRequest with triggerReason ChargingStateChanged', charging !== undefined, 'sent', events.map((e) => e.triggerReason).join(', '));
    check.equal('TransactionEventRequest (ChargingStateChanged).offline', charging?.offline, true);
  });
  session.energyStarted = true;
  return events;
}
