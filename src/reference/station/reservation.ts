/** Block H of the reference station: ReserveNow for an EVSE, any EVSE or a connector type, CancelReservation, the reservation used by its idToken or group, expiry and removal (H01-H04). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { reportConnectorStatus } from './connectors';
import { evModel, type ConnectorState, type EvseState, type IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf } from './meter';
import { transactionsOf } from './transactions';

/** One reservation the station holds. */
interface Reservation {
  readonly id: number;
  /** The EVSE reserved; undefined for "any EVSE" or a connector type. */
  readonly evseId?: number;
  readonly connectorType?: string;
  readonly idToken: IdToken;
  readonly groupIdToken?: IdToken;
  timer?: NodeJS.Timeout;
}

/** ReserveNowResponse status. */
type ReserveStatus = OcppResponses['ReserveNow']['status'];

const sameToken = (a: IdToken | undefined, b: IdToken | undefined): boolean => a !== undefined && b !== undefined && a.idToken === b.idToken && a.type === b.type;
const sameGroup = (a: IdToken | undefined, b: IdToken | undefined): boolean => a !== undefined && b !== undefined && a.idToken === b.idToken;

/**
 * The reservation feature. An EVSE reserved for a reservation shows its connectors Reserved (H01.FR.23); a reservation
 * without an EVSE (ReservationCtrlr.NonEvseSpecific, H01.FR.18/19) or for a connector type holds one free EVSE (or
 * connector of that type) back, and once the free ones are all held their connectors show Reserved (H01.FR.20,
 * H01.FR.24). The reserved idToken, or an idToken of the reserved group, uses the reservation up (H03); any other token
 * cannot charge where the reservation holds (F01.FR.21/22 for remote starts). A reservation ends at its expiryDateTime
 * (ReservationStatusUpdate Expired, H04), when its EVSE becomes Faulted or Unavailable (Removed, H01.FR.16/17), or on
 * CancelReservation (H02). Reservations survive a reboot, as a real station keeps them.
 */
export function reservationFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);
  const reservations = new Map<number, Reservation>();

  const typeOf = (c: ConnectorState): string | undefined => {
    const component = { name: 'Connector', evse: { id: c.evseId, connectorId: c.connectorId } };
    return station.deviceModel.has(component, 'ConnectorType') ? station.deviceModel.get(component, 'ConnectorType') : undefined;
  };
  const specificOn = (evseId: number): Reservation | undefined => [...reservations.values()].find((r) => r.evseId === evseId);
  const busy = (evse: EvseState): boolean => evse.authorization !== undefined || engine.ongoing(evse.id) !== undefined || evse.connectors.some((c) => (c.fixedCable ? c.evSide : c.stationSide));
  const allFaulted = (evse: EvseState): boolean => evse.connectors.every((c) => c.faulted);
  const allUnavailable = (evse: EvseState): boolean => evse.connectors.every((c) => c.unavailable || c.unavailableScheduled || c.faulted);
  /** Free for a reservation: operative, nobody on it, not reserved for an EVSE-specific reservation. */
  const free = (evse: EvseState): boolean => !allUnavailable(evse) && !busy(evse) && specificOn(evse.id) === undefined;
  const hasType = (evse: EvseState, type: string): boolean => evse.connectors.some((c) => typeOf(c) === type);

  /** The EVSEs a reservation without an EVSE holds back when all free ones are taken (H01.FR.20 / H01.FR.24). */
  const heldBack = (): Set<number> => {
    const held = new Set<number>();
    const freeEvses = [...model.evses.values()].filter(free);
    const anyCount = [...reservations.values()].filter((r) => r.evseId === undefined && r.connectorType === undefined).length;
    if (anyCount > 0 && anyCount >= freeEvses.length) freeEvses.forEach((e) => held.add(e.id));
    const types = new Set([...reservations.values()].flatMap((r) => (r.connectorType ? [r.connectorType] : [])));
    for (const type of types) {
      const withType = freeEvses.filter((e) => hasType(e, type));
      const count = [...reservations.values()].filter((r) => r.connectorType === type).length;
      if (count >= withType.length) withType.forEach((e) => held.add(e.id));
    }
    return held;
  };

  /** Sets each connector's Reserved flag from the reservations and reports the ones whose status changed. */
  const refresh = (): void => {
    const held = heldBack();
    for (const evse of model.evses.values()) {
      for (const c of evse.connectors) {
        const reserved = specificOn(evse.id) !== undefined || held.has(evse.id);
        if (c.reserved === reserved) continue;
        c.reserved = reserved;
        if (station.has('reservation.notReported')) c.reported = model.statusOf(c);
        else reportConnectorStatus(station, c);
      }
    }
  };

  const end = (reservation: Reservation, status?: 'Expired' | 'Removed'): void => {
    if (reservation.timer) clearTimeout(reservation.timer);
    reservations.delete(reservation.id);
    refresh();
    if (status) void station.send('ReservationStatusUpdate', { reservationId: reservation.id, reservationUpdateStatus: status });
  };

  const schedule = (reservation: Reservation, expiryDateTime: string): void => {
    if (station.has('reservation.neverExpires')) return;
    const ms = Math.max(0, Date.parse(expiryDateTime) - Date.now());
    reservation.timer = setTimeout(() => {
      if (reservations.get(reservation.id) === reservation) end(reservation, 'Expired');
    }, ms);
  };

  /** Why the targeted EVSEs cannot take the reservation (H01.FR.11/12/14), or undefined when one of `candidates` can. */
  const refusal = (targets: readonly EvseState[], candidates: readonly EvseState[]): ReserveStatus | undefined => {
    if (candidates.some(free)) return undefined;
    const status: ReserveStatus = targets.every(allFaulted) ? 'Faulted' : targets.every(allUnavailable) ? 'Unavailable' : 'Occupied';
    // Faults: a refused reservation is taken anyway.
    if (status === 'Occupied' && station.has('reservation.occupiedAccepted')) return undefined;
    if (status === 'Unavailable' && station.has('reservation.unavailableAccepted')) return undefined;
    return status;
  };

  const reserveNow = (request: OcppRequests['ReserveNow']): OcppResponses['ReserveNow'] => {
    if (!flagOf(station, 'ReservationCtrlr', 'Enabled') && !station.has('reservation.enabledIgnored')) return { status: 'Rejected' };
    const previous = reservations.get(request.id);
    // H01.FR.02: the same id replaces the reservation (fault reservation.notReplaced: it counts as another one).
    if (previous && !station.has('reservation.notReplaced')) {
      if (previous.timer) clearTimeout(previous.timer);
      reservations.delete(previous.id);
    }
    const { evseId, connectorType } = request;
    let targets: EvseState[];
    if (evseId !== undefined && evseId !== 0) {
      const evse = model.evses.get(evseId);
      targets = evse ? [evse] : [];
    } else if (connectorType !== undefined) {
      targets = [...model.evses.values()].filter((e) => hasType(e, connectorType));
    } else {
      const nonSpecific = flagOf(station, 'ReservationCtrlr', 'NonEvseSpecific') || station.has('reservation.nonSpecificAccepted');
      if (!nonSpecific || station.has('reservation.nonSpecificRejected')) return { status: 'Rejected' };
      targets = [...model.evses.values()];
    }
    if (targets.length === 0) return { status: 'Rejected' };
    // EVSEs held back by reservations without an EVSE are not free for another one (nor for an EVSE-specific one).
    const held = heldBack();
    const why = refusal(targets, targets.filter((e) => !held.has(e.id)));
    if (why) {
      if (previous && !station.has('reservation.notReplaced')) reservations.set(previous.id, previous);
      return { status: why };
    }
    const reservation: Reservation = {
      id: request.id,
      ...(evseId !== undefined && evseId !== 0 ? { evseId } : {}),
      ...(connectorType !== undefined ? { connectorType } : {}),
      idToken: request.idToken as IdToken,
      ...(request.groupIdToken ? { groupIdToken: request.groupIdToken as IdToken } : {}),
    };
    reservations.set(reservation.id, reservation);
    schedule(reservation, request.expiryDateTime);
    station.later(0, refresh);
    return { status: 'Accepted' };
  };

  const cancel = ({ reservationId }: OcppRequests['CancelReservation']): OcppResponses['CancelReservation'] => {
    const reservation = reservations.get(reservationId);
    if (!reservation) return { status: station.has('reservation.cancelUnknownAccepted') ? 'Accepted' : 'Rejected' };
    if (!station.has('reservation.cancelIgnored')) station.later(0, () => end(reservation));
    return { status: 'Accepted' };
  };

  /** H03: who may authorize on `evse` while reservations hold it; the reserved idToken (or group) uses its reservation up. */
  model.gates.push((evse, idToken, groupIdToken) => {
    const matches = (r: Reservation) => sameToken(r.idToken, idToken) || (!station.has('reservation.groupIgnored') && sameGroup(r.groupIdToken, groupIdToken));
    const covers = (r: Reservation) => r.evseId === evse.id || (r.evseId === undefined && (r.connectorType === undefined || hasType(evse, r.connectorType)));
    const mine = [...reservations.values()].find((r) => covers(r) && matches(r));
    if (mine) {
      station.later(0, () => end(mine));
      return { reservationId: mine.id };
    }
    const heldForOthers = specificOn(evse.id) !== undefined || heldBack().has(evse.id);
    return heldForOthers && !station.has('reservation.otherTokenCharges') ? { refused: true } : {};
  });

  // H01.FR.16 / H01.FR.17: a reserved EVSE that becomes Faulted or Unavailable loses its reservation (status Removed).
  const lost = (evse: EvseState): void => {
    if (!allUnavailable(evse) || station.has('reservation.keptWhenUnavailable')) return;
    const reservation = specificOn(evse.id);
    if (reservation) end(reservation, 'Removed');
    else station.later(0, refresh);
  };
  model.on('availability', ({ evse }) => lost(evse));
  model.on('fault', ({ evse }) => lost(evse));
  // An EVSE that gets busy or free again changes what reservations without an EVSE hold back.
  model.on('transaction', () => station.later(0, refresh));
  model.on('cable', () => station.later(0, refresh));

  return {
    handlers: {
      ReserveNow: (call) => reserveNow(call.payload),
      CancelReservation: (call) => cancel(call.payload),
    },
    onReboot: () => {
      // Fault reservation.lostOnReset: reservations live in volatile memory only.
      if (!station.has('reservation.lostOnReset')) return;
      for (const reservation of [...reservations.values()]) {
        if (reservation.timer) clearTimeout(reservation.timer);
        reservations.delete(reservation.id);
      }
      for (const evse of model.evses.values()) for (const c of evse.connectors) c.reserved = false;
    },
    stop: () => {
      for (const reservation of reservations.values()) if (reservation.timer) clearTimeout(reservation.timer);
    },
  };
}
