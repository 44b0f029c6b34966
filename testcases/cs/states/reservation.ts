/**
 * The reservation steps of the H cases (and TC_B_24_CS) for CS cases: Reusable State Reserved (Part 6 §2.18),
 * ReserveNowRequest and CancelReservationRequest with their answers, the ReservationStatusUpdate a station sends, and the
 * clean-up that cancels what a case reserved.
 */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ConfigurationSetting } from '../../../src/engine/testcase';
import type { ReserveNowRequest, ReserveNowResponse } from '../../../src/ocpp/generated';
import { connectorsOf, connectorsReported } from './availability';
import { ifImplemented, setting } from './configuration';
import type { ChargingSession } from './session';

/** Part 6 "ReservationCtrlr.ReservationEnabled is <value> (If implemented)": the variable is ReservationCtrlr.Enabled. */
export const reservationEnabled = (enabled: boolean): ConfigurationSetting => ifImplemented(setting('ReservationCtrlr', 'Enabled', String(enabled)));

/** `applicable` of the cases for stations that take reservations without an EVSE (Part 5 R-2). */
export const nonEvseSpecificRequired = (config: CsCaseContext['config']): string | undefined =>
  config.configured.reservationNonEvseSpecific ? undefined : 'the station takes no reservation without an EVSE (configured.reservationNonEvseSpecific is false; Part 5 R-2)';

/** `applicable` of the cases that reserve a connector type (Part 5 R-1). */
export const connectorTypeRequired = (config: CsCaseContext['config']): string | undefined =>
  config.configured.reservationConnectorType ? undefined : 'the station cannot reserve a connector type (configured.reservationConnectorType is false; Part 5 R-1)';

/** A reservation id for a ReserveNowRequest (any integer will do; random so runs do not collide, never 1: TC_H_18_CS cancels 1 as unknown). */
export const newReservationId = (): number => 2 + Math.floor(Math.random() * 1_000_000);

/** ReserveNowRequest.expiryDateTime: <Configured expiryDateTime> seconds from now (configured.reservationDuration). */
export const expiryDateTime = (ctx: CsCaseContext): string => new Date(Date.now() + ctx.config.configured.reservationDuration * 1000).toISOString();

/** The idToken as OCPP sends it. */
const tokenOf = (token: ConfiguredIdToken) => ({ idToken: token.idToken, type: token.type });

/** What a reservation names besides its id and expiry. */
export interface ReservationRequest {
  readonly id?: number;
  readonly evseId?: number;
  readonly connectorType?: string;
  readonly idToken: ConfiguredIdToken;
  readonly groupIdToken?: ConfiguredIdToken;
  /** Seconds until expiryDateTime (default <Configured expiryDateTime>, configured.reservationDuration). */
  readonly expiresInS?: number;
}

/** A step: the harness sends ReserveNowRequest; the station must answer `status`. Returns the reservation id and when the answer came (ms since epoch). */
export async function reserveNowAnswered(ctx: CsCaseContext, title: string, request: ReservationRequest, status: ReserveNowResponse['status']): Promise<{ id: number; at: number }> {
  const id = request.id ?? newReservationId();
  const payload: ReserveNowRequest = {
    id,
    expiryDateTime: request.expiresInS === undefined ? expiryDateTime(ctx) : new Date(Date.now() + request.expiresInS * 1000).toISOString(),
    idToken: tokenOf(request.idToken),
    ...(request.evseId === undefined ? {} : { evseId: request.evseId }),
    ...(request.connectorType === undefined ? {} : { connectorType: request.connectorType as ReserveNowRequest['connectorType'] }),
    ...(request.groupIdToken ? { groupIdToken: tokenOf(request.groupIdToken) } : {}),
  };
  return ctx.step(title, async () => {
    const since = Date.now();
    const answer = await ctx.csms.call('ReserveNow', payload);
    ctx.check.equal('ReserveNowResponse.status', answer.status, status);
    if (answer.status === 'Accepted') reservationsOf(ctx).add(id);
    return { id, at: since };
  });
}

/**
 * Reusable State Reserved for an EVSE (the configured one unless told): ReserveNowRequest for the idToken (the configured
 * valid one unless told), Accepted, then every connector of the EVSE reported Reserved (evseId and connectorId not 0; a
 * report of the EVSE component itself is optional). Returns the reservation id.
 */
export async function reserved(ctx: CsCaseContext, request: Partial<ReservationRequest> = {}): Promise<number> {
  const evseId = request.evseId ?? ctx.config.configured.evseId;
  const idToken = request.idToken ?? ctx.config.configured.idTokens.valid;
  return ctx.step(`Reusable State Reserved for EVSE ${evseId}`, async () => {
    const { id, at } = await reserveNowAnswered(ctx, `1-2. harness sends ReserveNowRequest for EVSE ${evseId} and '${idToken.idToken}', station accepts`, { ...request, evseId, idToken }, 'Accepted');
    await connectorsReported(ctx, `3-4. station reports the connectors of EVSE ${evseId} Reserved`, connectorsOf(ctx, { evseId }), 'Reserved', at);
    return id;
  });
}

/** A step: the station sends ReservationStatusUpdateRequest for `id` with `status` (within `timeoutMs`, the message timeout unless told). */
export async function reservationStatusUpdated(ctx: CsCaseContext, title: string, id: number, status: 'Expired' | 'Removed', timeoutMs?: number): Promise<void> {
  await ctx.step(title, async () => {
    const update: IncomingCall<'ReservationStatusUpdate'> = await ctx.csms.expect('ReservationStatusUpdate', { timeoutMs, description: `a ReservationStatusUpdateRequest (${status})` });
    update.respond({});
    ctx.check.equal('ReservationStatusUpdateRequest.reservationId', update.payload.reservationId, id);
    ctx.check.equal('ReservationStatusUpdateRequest.reservationUpdateStatus', update.payload.reservationUpdateStatus, status);
    reservationsOf(ctx).delete(id);
  });
}

const accepted = new WeakMap<CsCaseContext, Set<number>>();

/** The reservations the station accepted during the case (the clean-up cancels them). */
function reservationsOf(ctx: CsCaseContext): Set<number> {
  let ids = accepted.get(ctx);
  if (!ids) accepted.set(ctx, (ids = new Set()));
  return ids;
}

/** Runs `body`, then (clean-up, not part of Part 6) cancels every reservation the station accepted during the case; answers are not judged. */
export async function withReservationsCancelled(ctx: CsCaseContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    const ids = [...reservationsOf(ctx)];
    if (ids.length > 0) {
      await ctx.step('Afterwards: cancel the reservations the case made (clean-up, not part of the Part 6 case)', async () => {
        for (const reservationId of ids) {
          try {
            if (!ctx.csms.connection) await ctx.csms.nextConnection();
            await ctx.csms.call('CancelReservation', { reservationId });
          } catch {
            // Best effort: what the case found stands.
          }
        }
      });
    }
  }
}

/** Marks a reservation as used up or ended by the station (the clean-up leaves it alone). */
export function reservationEnded(ctx: CsCaseContext, id: number): void {
  reservationsOf(ctx).delete(id);
}

/**
 * The harness (as CSMS) answers `token` as Accepted in `group` (H03.FR.08: the station may ask to learn the group), in
 * the AuthorizeResponse and the TransactionEventResponses of the session. The AuthorizeRequest is waited for from now on
 * (so it is not answered in the background first) and answered here; the promise gives it, or undefined when none came.
 * Reusable State Authorized then runs with `cached` (it does not wait for that request itself).
 */
export function tokenInGroup(session: ChargingSession, token: ConfiguredIdToken, group: ConfiguredIdToken): Promise<IncomingCall<'Authorize'> | undefined> {
  const { ctx, monitor } = session;
  const fallback = monitor.tokenInfo;
  const same = (t: { idToken: string; type: string }) => t.idToken === token.idToken && t.type === token.type;
  monitor.tokenInfo = (t) => (same(t) ? { status: 'Accepted', groupIdToken: { idToken: group.idToken, type: group.type } } : fallback(t));
  const { operatorMs, messageMs } = ctx.config.timeouts;
  return ctx.csms
    .expect('Authorize', { where: (call) => same(call.payload.idToken), timeoutMs: operatorMs + messageMs, description: `an AuthorizeRequest for '${token.idToken}'` })
    .then((call) => {
      call.respond({ idTokenInfo: monitor.tokenInfo(call.payload.idToken) });
      return call;
    })
    .catch(() => undefined);
}

/** The step after Authorized with a group reservation: the station asked about the idToken (locally, or remotely with AuthorizeRemoteStart), and the harness answered it in the group. */
export async function groupTokenAsked(session: ChargingSession, asked: Promise<IncomingCall<'Authorize'> | undefined>, token: ConfiguredIdToken): Promise<void> {
  const { ctx } = session;
  const { authEnabled, authorizeRemoteStart } = await session.settings();
  const expected = authEnabled && (session.authorizedVia === 'local' || authorizeRemoteStart);
  if (!expected) return;
  await ctx.step('Authorized 1-2: station sent AuthorizeRequest for the idToken; harness answered Accepted in the reserved group', async () => {
    const call = await Promise.race([asked, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ctx.config.timeouts.messageMs).unref())]);
    ctx.check.equal('AuthorizeRequest.idToken.idToken', call?.payload.idToken.idToken, token.idToken);
    ctx.check.equal('AuthorizeRequest.idToken.type', call?.payload.idToken.type, token.type);
  });
}
