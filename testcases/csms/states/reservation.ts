/** The reservation steps of the H CSMS cases: the CSMS asked (through the driver) to reserve or cancel, its ReserveNowRequest checked as Part 6 lists it, and Reusable State Reserved (Part 6 §3.18). */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ReserveNowRequest, ReserveNowResponse } from '../../../src/ocpp/generated';
import { csmsSendsAfter } from './operator';
import { connectorsReportedTo, targetConnectors } from './remote-control';
import { idTokenOf } from './transaction';

/** What the operator asks the CSMS to reserve: an EVSE, any EVSE (nothing), or a connector type; with a group or not. */
export interface CsmsReservation {
  readonly evseId?: number;
  readonly connectorType?: string;
  readonly withGroup?: boolean;
  /** When the reservation ends (ISO date); the CSMS's own choice when absent. */
  readonly expiryDateTime?: string;
}

/**
 * Manual action and steps 1-2: the CSMS is asked to reserve for <Configured valid_idtoken>; its ReserveNowRequest must
 * name the EVSE (or omit it), the connector type (or omit it), the idToken and, when asked, a groupIdToken. The harness
 * answers `status`. Returns the request.
 */
export async function csmsReserves(ctx: CsmsCaseContext, title: string, reservation: CsmsReservation, status: ReserveNowResponse['status'] = 'Accepted'): Promise<ReserveNowRequest> {
  const { check, config } = ctx;
  const { valid, group } = config.configured.idTokens;
  const request = await ctx.step(title, async () => {
    const call: IncomingCall<'ReserveNow'> = await csmsSendsAfter(
      ctx,
      {
        kind: 'reserveNow',
        stationId: config.station.id,
        idToken: idTokenOf(valid),
        ...(reservation.evseId === undefined ? {} : { evseId: reservation.evseId }),
        ...(reservation.connectorType === undefined ? {} : { connectorType: reservation.connectorType as ReserveNowRequest['connectorType'] }),
        ...(reservation.withGroup ? { groupIdToken: idTokenOf(group) } : {}),
        ...(reservation.expiryDateTime === undefined ? {} : { expiryDateTime: reservation.expiryDateTime }),
      },
      'ReserveNow',
      (c) => c.respond({ status }),
    );
    return call.payload;
  });
  await ctx.step('Step 1: ReserveNowRequest as Part 6 lists it', () => {
    if (reservation.evseId === undefined) check.equal('ReserveNowRequest.evseId', request.evseId, undefined);
    else check.equal('ReserveNowRequest.evseId', request.evseId, reservation.evseId);
    check.equal('ReserveNowRequest.connectorType', request.connectorType, reservation.connectorType);
    check.equal('ReserveNowRequest.idToken.idToken', request.idToken.idToken, valid.idToken);
    check.equal('ReserveNowRequest.idToken.type', request.idToken.type, valid.type);
    if (reservation.withGroup) check.that('ReserveNowRequest.groupIdToken', request.groupIdToken !== undefined, 'provided', JSON.stringify(request.groupIdToken));
  });
  return request;
}

/** Reusable State Reserved (CSMS): the CSMS reserves `evseId` (the configured EVSE unless told), the harness accepts and reports its connectors Reserved. Returns the request. */
export async function reservedByCsms(ctx: CsmsCaseContext, reservation: CsmsReservation = {}): Promise<ReserveNowRequest> {
  const evseId = reservation.evseId ?? ctx.config.configured.evseId;
  return ctx.step(`Reusable State Reserved for EVSE ${evseId}`, async () => {
    const request = await csmsReserves(ctx, `1-2. the CSMS, asked to reserve EVSE ${evseId}, sends ReserveNowRequest; harness accepts`, { ...reservation, evseId });
    await connectorsReportedTo(ctx, '3-4. harness reports the connectors of the EVSE Reserved; the CSMS answers', targetConnectors(ctx, { evseId }), 'Reserved');
    return request;
  });
}

/** A step: the harness sends ReservationStatusUpdateRequest for `reservationId` with `status`; the CSMS must answer it. */
export async function reservationStatusSent(ctx: CsmsCaseContext, title: string, reservationId: number, status: 'Expired' | 'Removed'): Promise<void> {
  await ctx.step(title, () => ctx.station.call('ReservationStatusUpdate', { reservationId, reservationUpdateStatus: status }));
}
