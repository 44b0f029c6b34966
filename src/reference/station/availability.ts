/** Block G of the reference station: ChangeAvailability of the whole station, one EVSE or one connector (G03, G04), Scheduled while a transaction runs and kept across reboots. */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { reportConnectorStatus } from './connectors';
import { evModel, type ConnectorState } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { transactionsOf } from './transactions';

/** What the CSMS set Inoperative explicitly, level by level (G03.FR.08, G04.FR.09: it survives a reboot, as the shared model does). */
interface Inoperative {
  station: boolean;
  readonly evses: Set<number>;
  /** `evseId/connectorId` */
  readonly connectors: Set<string>;
}

const keyOf = (c: { evseId: number; connectorId: number }): string => `${c.evseId}/${c.connectorId}`;

const states = new WeakMap<StationRuntime, Inoperative>();

/** What the CSMS set Inoperative on `station` (made on first use). */
function inoperativeOf(station: StationRuntime): Inoperative {
  let state = states.get(station);
  if (!state) states.set(station, (state = { station: false, evses: new Set(), connectors: new Set() }));
  return state;
}

/** Whether an EVSE can take a new session: none of its connectors is Unavailable or waiting to become so (for RequestStartTransaction, ReserveNow). */
export function evseOperative(station: StationRuntime, evseId: number): boolean {
  const evse = evModel(station).evses.get(evseId);
  return evse !== undefined && evse.connectors.some((c) => !c.unavailable && !c.unavailableScheduled && !c.faulted);
}

/**
 * Answers ChangeAvailabilityRequest. The request names the whole station (no evse, or evse.id 0), an EVSE or one
 * connector; a connector is Unavailable while any level above it is Inoperative (G03.FR.06, G04.FR.07) and goes back to
 * what it was when all are Operative again (G03.FR.07, G04.FR.08). A request for the state a level is already in is
 * Accepted without any change (G03.FR.03, G04.FR.04). Connectors of an EVSE with an ongoing transaction change once it
 * has ended and the answer is Scheduled (G03.FR.05, G04.FR.06); until then they turn Unavailable as soon as the EV is
 * unplugged (G01.FR.05). Each connector whose status changes is reported with StatusNotification (G03.FR.04, G04.FR.05).
 */
export function availabilityFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);
  const inoperative = inoperativeOf(station);
  /** Changes waiting for the transaction of an EVSE to end. */
  const waiting = new Map<number, (() => void)[]>();

  const derived = (c: ConnectorState): boolean => inoperative.station || inoperative.evses.has(c.evseId) || inoperative.connectors.has(keyOf(c));

  /** Brings a connector's status in line with the levels above it; reports a change unless the fault keeps it quiet. */
  const refresh = (c: ConnectorState): void => {
    const unavailable = derived(c);
    c.unavailableScheduled = false;
    if (c.unavailable === unavailable && !station.has('availability.operativeIgnored')) return;
    // Fault availability.operativeIgnored: a connector once Unavailable never comes back.
    c.unavailable = unavailable || (station.has('availability.operativeIgnored') && c.unavailable);
    if (station.has('availability.statusNotReported')) c.reported = model.statusOf(c);
    else reportConnectorStatus(station, c);
    model.emit('availability', { evse: model.evse(c.evseId), connector: c });
  };

  const connectorsOf = (evse: OcppRequests['ChangeAvailability']['evse']): ConnectorState[] =>
    [...model.evses.values()]
      .filter((e) => evse === undefined || evse.id === 0 || e.id === evse.id)
      .flatMap((e) => e.connectors.filter((c) => evse?.connectorId === undefined || evse.id === 0 || c.connectorId === evse.connectorId));

  model.on('transaction', ({ evse, started }) => {
    if (started) return;
    const changes = waiting.get(evse.id);
    if (!changes) return;
    waiting.delete(evse.id);
    // After the Ended event has been queued (the model hears of the end first).
    station.later(0, () => changes.forEach((apply) => apply()));
  });

  const changeAvailability = (request: OcppRequests['ChangeAvailability']): OcppResponses['ChangeAvailability'] => {
    const { evse, operationalStatus } = request;
    const targets = connectorsOf(evse);
    if (targets.length === 0) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
    const off = operationalStatus === 'Inoperative';
    const level = evse === undefined || evse.id === 0 ? 'station' : evse.connectorId === undefined ? 'evse' : 'connector';
    const isOff = level === 'station' ? inoperative.station : level === 'evse' ? inoperative.evses.has(evse?.id ?? 0) : inoperative.connectors.has(keyOf({ evseId: evse?.id ?? 0, connectorId: evse?.connectorId ?? 0 }));
    if (isOff === off) return station.has('availability.sameStateRejected') ? { status: 'Rejected' } : { status: 'Accepted' };
    const set = (): void => {
      if (level === 'station') inoperative.station = off;
      else if (level === 'evse') {
        if (off) inoperative.evses.add(evse?.id ?? 0);
        else inoperative.evses.delete(evse?.id ?? 0);
      } else {
        const key = keyOf({ evseId: evse?.id ?? 0, connectorId: evse?.connectorId ?? 0 });
        if (off) inoperative.connectors.add(key);
        else inoperative.connectors.delete(key);
      }
    };
    const busy = new Set(targets.filter((c) => engine.ongoing(c.evseId) !== undefined).map((c) => c.evseId));
    // Fault availability.notScheduled: an ongoing transaction does not hold the change back.
    if (!off || busy.size === 0 || station.has('availability.notScheduled')) {
      set();
      targets.forEach(refresh);
      return { status: 'Accepted' };
    }
    // The flags change now for idle EVSEs; those with a transaction keep their connectors until it ends.
    set();
    for (const c of targets) {
      if (!busy.has(c.evseId)) refresh(c);
      else c.unavailableScheduled = true;
    }
    for (const evseId of busy) {
      const apply = () => targets.filter((c) => c.evseId === evseId).forEach(refresh);
      waiting.set(evseId, [...(waiting.get(evseId) ?? []), apply]);
    }
    return { status: 'Scheduled' };
  };

  return { handlers: { ChangeAvailability: (call) => changeAvailability(call.payload) } };
}
