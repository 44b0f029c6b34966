/** Block H of the reference CSMS: on its operator's request it reserves an EVSE, any EVSE or a connector type and cancels the reservation; it takes the station's ReservationStatusUpdates. */
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** How long a reservation lasts when the operator gives no end (seconds). */
const DEFAULT_RESERVATION_S = 3600;

/**
 * The operator actions reserveNow (a new reservation id each time, the EVSE / connector type / group the operator named,
 * expiryDateTime as given or an hour ahead) and cancelReservation (the last reservation made for the station); answers
 * ReservationStatusUpdateRequest with an empty response.
 */
export function reservationFeature(csms: CsmsRuntime): CsmsFeature {
  let nextId = 1;
  const lastOf = new Map<string, number>();
  return {
    handlers: {
      ReservationStatusUpdate: () => {
        if (csms.has('reservationStatus.refused')) throw new Error('ReservationStatusUpdate is not handled');
        return {};
      },
    },
    perform(action) {
      switch (action.kind) {
        case 'reserveNow': {
          if (csms.has('reservation.notSent')) return true;
          const id = nextId++;
          lastOf.set(action.stationId, id);
          const evseId = action.evseId === undefined ? (csms.has('reservation.evseAdded') ? 1 : undefined) : csms.has('reservation.evseDropped') ? undefined : action.evseId;
          const connectorType = csms.has('reservation.connectorTypeDropped') ? undefined : action.connectorType;
          const groupIdToken = csms.has('reservation.groupDropped') ? undefined : action.groupIdToken;
          callInBackground(csms, action.stationId, 'ReserveNow', {
            id,
            expiryDateTime: action.expiryDateTime ?? new Date(Date.now() + DEFAULT_RESERVATION_S * 1000).toISOString(),
            idToken: csms.has('reservation.wrongIdToken') ? { ...action.idToken, type: 'Central' } : action.idToken,
            ...(evseId === undefined ? {} : { evseId }),
            ...(connectorType === undefined ? {} : { connectorType }),
            ...(groupIdToken === undefined ? {} : { groupIdToken }),
          });
          return true;
        }
        case 'cancelReservation': {
          const id = lastOf.get(action.stationId);
          if (id === undefined) throw new Error(`the reference CSMS made no reservation for ${action.stationId}`);
          callInBackground(csms, action.stationId, 'CancelReservation', { reservationId: csms.has('cancelReservation.wrongId') ? id + 1 : id });
          return true;
        }
        default:
          return false;
      }
    },
  };
}
