/** Authorization through the local list (C13, C14, C09 with the list): the Before configurations, Authorized from the list, and the sequences several local-list C cases share. */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import type { AuthorizationStatusEnumType, TransactionEventRequest } from '../../../src/ocpp/generated';
import { answerToken, inGroup, noAuthorizeSinceAction, presentAndAnswer } from './cache';
import { ifImplemented, offlineTxForUnknownId, setting } from './configuration';
import { listEntry, LOCAL_LIST_ON, withLocalList } from './local-list';
import { isMeterOnly } from './monitor';
import { connectionClosed } from './offline';
import type { ChargingSession } from './session';
import { energyTransferStarted, evConnectedPreSession, parkingBayOccupied, withSession } from './transaction';

/**
 * The Before configuration of the offline local-list cases: LOCAL_LIST_ON, OfflineTxForUnknownIdEnabled as given and
 * LocalAuthorizeOffline true (unmarked). Part 6 marks OfflineTxForUnknownIdEnabled "(If implemented)" where it is
 * false (TC_C_21_CS to TC_C_24_CS) and not where it is true (TC_C_25_CS, TC_C_26_CS, which need it).
 */
export const offlineFromList = (unknownIdAllowed: boolean): ConfigurationSetting[] => [
  ...LOCAL_LIST_ON,
  unknownIdAllowed ? offlineTxForUnknownId(true) : ifImplemented(offlineTxForUnknownId(false)),
  setting('AuthCtrlr', 'LocalAuthorizeOffline', 'true'),
];

/** LocalAuthListCtrlr.DisablePostAuthorize (Part 6 "LocalAuthListDisablePostAuthorize"), without Part 6's mark. */
export const listPostAuthorizeDisabled = (disabled: boolean): ConfigurationSetting => setting('LocalAuthListCtrlr', 'DisablePostAuthorize', String(disabled));

/** The Before configuration of TC_C_28_CS to TC_C_31_CS: LOCAL_LIST_ON and LocalAuthListDisablePostAuthorize false, all three "(If implemented)". */
export const LIST_POST_AUTHORIZE_ON: readonly ConfigurationSetting[] = [...LOCAL_LIST_ON, ifImplemented(listPostAuthorizeDisabled(false))];

/** Memory State IdTokenLocalAuthList for `token` with `status`, then `body` with a charging session of that token; the list is emptied and the station brought back to idle afterwards. */
export function withListedToken(ctx: CsCaseContext, token: ConfiguredIdToken, status: AuthorizationStatusEnumType, body: (session: ChargingSession) => Promise<void>): Promise<void> {
  return withLocalList(ctx, [listEntry(token, status)], () => withSession(ctx, body, { idToken: token }));
}

/**
 * Authorized (local) for a token the local list holds as Accepted, with LocalPreAuthorize true (C14.FR.02): the token
 * is presented and, when a transaction is open or TxStartPoint contains Authorized, the station reports the
 * authorization (triggerReason Authorized, the token, eventType Updated when a transaction is open, else Started); in
 * any case it asks the CSMS nothing. Without such an event the step watches for <Configured message timeout>.
 */
export async function authorizedFromList(session: ChargingSession, numbers: string): Promise<void> {
  const { ctx, monitor, evse, idToken } = session;
  const { check } = ctx;
  await ctx.step(`Reusable State Authorized (local, idToken in the local list as Accepted)`, async () => {
    if (!session.bayOccupied && !session.evConnected) await parkingBayOccupied(session);
    const wasOpen = monitor.transactionOpen;
    const reported = wasOpen || (await session.settings()).startPoints.has('Authorized');
    await session.act(`Manual action: present the listed idToken '${idToken.idToken}'`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
    monitor.pendingIdToken = idToken;
    const ms = ctx.config.timeouts.messageMs;
    const title = reported
      ? `${numbers}. station reports the authorization with TransactionEventRequest and asks the CSMS nothing`
      : `${numbers}. station authorizes from its list and asks the CSMS nothing (watched for <Configured message timeout>, ${ms} ms)`;
    await ctx.step(title, async () => {
      if (!reported) await monitor.watch(ms);
      else {
        const event = await monitor.nextEvent('a TransactionEventRequest for the authorization');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'Authorized');
        check.equal('TransactionEventRequest.idToken', event.idToken && { idToken: event.idToken.idToken, type: event.idToken.type }, { idToken: idToken.idToken, type: idToken.type });
        check.equal('TransactionEventRequest.eventType', event.eventType, wasOpen ? 'Updated' : 'Started');
      }
      noAuthorizeSinceAction(session);
    });
    Object.assign(session, { authorized: true, authorizedVia: 'local', stoppedVia: undefined, evConnectedReported: false });
  });
}

/**
 * TC_C_28_CS to TC_C_30_CS: `token` is in the local list with `status`; presented while online (after EVConnectedPreSession
 * when `evFirst`), the station asks the CSMS about it (C14.FR.03), which answers `status` again.
 */
export async function listedTokenAskedAgain(ctx: CsCaseContext, token: ConfiguredIdToken, status: AuthorizationStatusEnumType, evFirst: boolean): Promise<void> {
  await withListedToken(ctx, token, status, async (session) => {
    if (evFirst) await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
    answerToken(session.monitor, token, { status });
    await presentAndAnswer(session, token, '1-2');
  });
}

/**
 * TC_C_22_CS to TC_C_24_CS: `token` is in the local list with `status` (not Accepted); the harness goes offline, the EV
 * enters the bay, the token is presented, the harness lets the station back. For <Configured message timeout> after
 * that, every TransactionEventRequest beyond meter values must be the queued EVDetected event of TxStartPoint
 * ParkingBayOccupancy, marked offline: a station that authorized the token would report it. When TxStartPoint contains
 * ParkingBayOccupancy and the station has a bay sensor, that EVDetected event (steps 5-6) must come.
 */
export async function offlineListRefusal(ctx: CsCaseContext, token: ConfiguredIdToken, status: AuthorizationStatusEnumType): Promise<void> {
  const { check, config } = ctx;
  await withListedToken(ctx, token, status, async (session) => {
    const bayStarts = config.configured.parkingBaySensor && (await session.settings()).startPoints.has('ParkingBayOccupancy');
    const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
    if (config.configured.parkingBaySensor) {
      await session.act('2. Manual action: drive the EV into the parking bay', { kind: 'parkingBayOccupied', evseId: session.evse.evseId });
      session.bayOccupied = true;
    }
    await session.act(`3. Manual action: present the idToken '${token.idToken}' (in the local list as ${status})`, { kind: 'presentIdToken', idToken: token, evseId: session.evse.evseId });
    await offline.reconnect('4. harness accepts the reconnection');
    const ms = config.timeouts.messageMs;
    await ctx.step(`5-6. station empties its queue: only an EVDetected event marked offline, nothing for the refused token (watched for <Configured message timeout>, ${ms} ms)`, async () => {
      await session.monitor.watch(ms);
      const events = session.monitor.discard((c) => c.action === 'TransactionEvent' && !isMeterOnly(c.payload as TransactionEventRequest));
      if (bayStarts) check.that('queued TransactionEventRequest for the EV in the bay (TxStartPoint ParkingBayOccupancy)', events.length > 0, 'sent', 'none');
      for (const call of events) {
        const event = call.payload as TransactionEventRequest;
        check.equal(`TransactionEventRequest (seqNo ${event.seqNo}).triggerReason`, event.triggerReason, 'EVDetected');
        check.equal(`TransactionEventRequest (seqNo ${event.seqNo}).offline`, event.offline, true);
      }
    });
  });
}

/**
 * TC_C_40_CS and TC_C_43_CS: the local list holds <Configured valid_idtoken> (Accepted) and `other` (`otherStatus`), both
 * in the configured group, and the harness answers both so too. With a session of the valid token: EVConnectedPreSession,
 * the valid token authorizes from the list (steps 1-2), EnergyTransferStarted (step 3); `main` goes on with the session.
 */
export async function withListGroupCharging(ctx: CsCaseContext, other: ConfiguredIdToken, otherStatus: AuthorizationStatusEnumType, main: (session: ChargingSession) => Promise<void>): Promise<void> {
  const { valid, group } = ctx.config.configured.idTokens;
  await withLocalList(ctx, [listEntry(valid, 'Accepted', group), listEntry(other, otherStatus, group)], () =>
    withSession(ctx, async (session) => {
      answerToken(session.monitor, valid, inGroup(ctx, 'Accepted'));
      answerToken(session.monitor, other, inGroup(ctx, otherStatus));
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('Manual action, 1-2: present the valid idToken of the group, which is in the local list', () => authorizedFromList(session, '1-2'));
      await ctx.step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      await main(session);
    }),
  );
}

/**
 * A step after StopAuthorized (local): the event with triggerReason StopAuthorized that ended the session's
 * authorization was sent (the StopAuthorized state alone lets it be left out) and carries an idToken from `allowed`; its
 * eventType is Ended only when it is the last event of the stop and TxStopPoint ends the transaction with the
 * authorization (E06, errata 2025-09 6.2.117), else Updated.
 */
export async function stopEventCarries(session: ChargingSession, title: string, allowed: readonly ConfiguredIdToken[]): Promise<void> {
  const { ctx, monitor } = session;
  const ends = await session.stopEndsTransaction();
  await ctx.step(title, () => {
    const events = monitor.current?.events.filter((e) => !isMeterOnly(e)) ?? [];
    const stop = events.filter((e) => e.triggerReason === 'StopAuthorized').pop();
    ctx.check.that('TransactionEventRequest with triggerReason StopAuthorized', stop !== undefined, 'sent for the stop', stop ? 'sent' : 'none');
    const token = stop?.idToken && `${stop.idToken.idToken}/${stop.idToken.type}`;
    ctx.check.oneOf('TransactionEventRequest(StopAuthorized).idToken', token, allowed.map((t) => `${t.idToken}/${t.type}`));
    const lastOfStop = stop !== undefined && stop === events.at(-1);
    ctx.check.equal('TransactionEventRequest(StopAuthorized).eventType', stop?.eventType, ends && lastOfStop ? 'Ended' : 'Updated');
  });
}
