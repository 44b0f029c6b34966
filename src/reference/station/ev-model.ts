/** The physical side of the reference station that several features share: cables, parking bays, the EV and the energy meter of each EVSE, plus the events they raise. */
import type { CableSide } from '../../drivers/station-actions';
import type { StatusNotificationRequest, TransactionEventRequest, TransactionEventResponse } from '../../ocpp/generated';
import type { StationRuntime } from './feature';

/** ConnectorStatusEnumType. */
export type ConnectorStatus = StatusNotificationRequest['connectorStatus'];

/** IdTokenType as the station handles it. */
export type IdToken = NonNullable<TransactionEventRequest['idToken']>;

/** ReasonEnumType: why a transaction stopped. */
export type StopReason = NonNullable<TransactionEventRequest['transactionInfo']['stoppedReason']>;

/** What the EV does about energy: takes it, suspends it, or is not (yet) ready for it. */
export type EvState = 'ready' | 'suspended' | 'notReady';

/** One connector and its cable. A fixed cable (ConnectorType c…) is always in the station; a socket (s…) holds a loose cable or none. */
export interface ConnectorState {
  readonly evseId: number;
  readonly connectorId: number;
  readonly fixedCable: boolean;
  /** The cable is plugged into the EV. */
  evSide: boolean;
  /** The cable is plugged into the station (always true for a fixed cable). */
  stationSide: boolean;
  faulted: boolean;
  /** Set Inoperative by the CSMS (ChangeAvailability); kept across a reboot (B11.FR.02, B12.FR.06). */
  unavailable: boolean;
  /** G03.FR.05: set Inoperative while a transaction runs; it becomes Unavailable as soon as nothing occupies it (G01.FR.05). */
  unavailableScheduled?: boolean;
  /** H01: held for a reservation (set by the reservation feature). */
  reserved?: boolean;
  /** G05: its plug retention lock fails to lock (driver action lockFails). */
  lockFails?: boolean;
  /** The status last reported to the CSMS. */
  reported: ConnectorStatus;
}

/** An authorization to charge on an EVSE: who, and how it came (a token at the station or RequestStartTransaction). */
export interface Authorization {
  readonly idToken: IdToken;
  readonly groupIdToken?: IdToken;
  readonly remoteStartId?: number;
  readonly via: 'local' | 'remote';
  /** H01.FR.15: the reservation this authorization used, for the TransactionEventRequest that follows. */
  readonly reservationId?: number;
}

/** What a feature (reservations) says about a new authorization of an EVSE: refused, or allowed (using a reservation, when it names one). */
export type AuthorizationVerdict = { readonly refused: true } | { readonly refused?: false; readonly reservationId?: number };

/** Asks a feature about a new authorization of `evse` for `idToken` (of group `groupIdToken`); it may consume what it holds (a reservation). */
export type AuthorizationGate = (evse: EvseState, idToken: IdToken, groupIdToken: IdToken | undefined) => AuthorizationVerdict;

/** One EVSE: its connectors, parking bay, EV and meter. */
export interface EvseState {
  readonly id: number;
  readonly connectors: readonly ConnectorState[];
  bayOccupied: boolean;
  ev: EvState;
  /** The authorization currently held for this EVSE (set by the transaction feature). */
  authorization?: Authorization;
  /** E09.FR.03: the cable stays locked in the socket until this token is presented (after an EV-side disconnect). */
  unlockToken?: IdToken;
  /** Energy.Active.Import.Register in Wh. */
  energyWh: number;
  /** When the energy flow (if any) started being counted, ms since epoch. */
  flowingSince?: number;
}

/** How a cable change happened. */
export interface CableChange {
  readonly evse: EvseState;
  readonly connector: ConnectorState;
  readonly side: CableSide;
  readonly plugged: boolean;
  /** Whether EV and EVSE were connected before and after the change. */
  readonly wasConnected: boolean;
  readonly connected: boolean;
}

/** How an authorization ended at the station's request (token presented again, master pass, RequestStopTransaction). */
export interface StopRequest {
  readonly evse: EvseState;
  readonly triggerReason: 'StopAuthorized' | 'RemoteStop';
  readonly stoppedReason: StopReason;
  readonly idToken?: IdToken;
}

/** The events of the shared model, with their payloads. */
export interface EvEvents {
  cable: CableChange;
  bay: EvseState;
  ev: EvseState;
  fault: { readonly evse: EvseState; readonly connector: ConnectorState };
  /** A token was authorized to start charging; `evse` is where it will be used, undefined when not known yet. */
  authorized: { readonly evse?: EvseState; readonly authorization: Authorization };
  stopRequested: StopRequest;
  /** G03 / G04: a connector became Unavailable or came back from it (set by the availability feature). */
  availability: { readonly evse: EvseState; readonly connector: ConnectorState };
  /** A transaction started or ended on an EVSE (the Started / Ended event has been queued). */
  transaction: { readonly evse: EvseState; readonly transactionId: string; readonly started: boolean };
  /** Block N: energy started or stopped flowing on an EVSE (its power changed). */
  flow: { readonly evse: EvseState; readonly powerW: number };
  /** Block I: the CSMS answered a TransactionEventRequest (its totalCost and personal messages are for the display). */
  transactionAnswered: { readonly request: TransactionEventRequest; readonly response: TransactionEventResponse };
}

type Listener<K extends keyof EvEvents> = (payload: EvEvents[K]) => void;

/** Average AC power drawn by the simulated EV while charging (W). */
const CHARGING_POWER_W = 11_000;
/** Nominal phase voltage of the simulated supply (V). */
export const SUPPLY_VOLTAGE_V = 230;

/** Connector types with a cable fixed to the station (ConnectorEnumType values starting with c). */
const isFixedCable = (connectorType: string | undefined): boolean => connectorType !== undefined && /^c/.test(connectorType);

/** The shared physical model of one reference station. */
export class EvModel {
  readonly evses: ReadonlyMap<number, EvseState>;
  /** Features that decide about new authorizations (reservations); the first refusal or reservation wins. */
  readonly gates: AuthorizationGate[] = [];
  /** Features that hold the energy back on an EVSE (G05.FR.01: a connector that failed to lock); any true blocks it. */
  readonly energyBlocks: ((evse: EvseState) => boolean)[] = [];
  private readonly listeners = new Map<keyof EvEvents, Listener<keyof EvEvents>[]>();

  constructor(station: StationRuntime) {
    this.evses = new Map(
      station.options.evses.map((layout) => {
        const connectors = layout.connectors.map((connectorId): ConnectorState => {
          const type = station.deviceModel.has({ name: 'Connector', evse: { id: layout.id, connectorId } }, 'ConnectorType')
            ? station.deviceModel.get({ name: 'Connector', evse: { id: layout.id, connectorId } }, 'ConnectorType')
            : undefined;
          const fixedCable = isFixedCable(type);
          return { evseId: layout.id, connectorId, fixedCable, evSide: false, stationSide: fixedCable, faulted: false, unavailable: false, reported: 'Available' };
        });
        return [layout.id, { id: layout.id, connectors, bayOccupied: false, ev: 'ready', energyWh: 0 }];
      }),
    );
  }

  /** Whether energy may flow on `evse` (no feature holds it back). */
  energyAllowed(evse: EvseState): boolean {
    return !this.energyBlocks.some((blocks) => blocks(evse));
  }

  /** Whether a new authorization of `evse` for `idToken` may go ahead (asked of every gate, in order). */
  admit(evse: EvseState, idToken: IdToken, groupIdToken: IdToken | undefined): AuthorizationVerdict {
    for (const gate of this.gates) {
      const verdict = gate(evse, idToken, groupIdToken);
      if (verdict.refused || verdict.reservationId !== undefined) return verdict;
    }
    return {};
  }

  /** The EVSE with this id; throws for an id the station does not have. */
  evse(id: number): EvseState {
    const evse = this.evses.get(id);
    if (!evse) throw new Error(`the station has no EVSE ${id}`);
    return evse;
  }

  /** The connector; throws when it does not exist. */
  connector(evseId: number, connectorId: number): ConnectorState {
    const connector = this.evse(evseId).connectors.find((c) => c.connectorId === connectorId);
    if (!connector) throw new Error(`EVSE ${evseId} has no connector ${connectorId}`);
    return connector;
  }

  /** The connector through which EV and EVSE are connected (cable in at both ends), if any. */
  connectedConnector(evse: EvseState): ConnectorState | undefined {
    return evse.connectors.find((c) => isConnected(c));
  }

  /** The status a connector shows: Faulted, Unavailable when set Inoperative, Reserved, Occupied while a cable is in the station socket (or a fixed cable is in the EV), then Unavailable when that waits for it, else Available. */
  statusOf(connector: ConnectorState): ConnectorStatus {
    if (connector.faulted) return 'Faulted';
    if (connector.unavailable) return 'Unavailable';
    // G03.FR.09: an EV plugged into a reserved connector leaves it Reserved until the reserved idToken comes (G01.FR.06).
    if (connector.reserved) return 'Reserved';
    const occupied = connector.fixedCable ? connector.evSide : connector.stationSide;
    if (occupied) return 'Occupied';
    return connector.unavailableScheduled ? 'Unavailable' : 'Available';
  }

  /** Adds a listener; listeners run synchronously in the order they were added. */
  on<K extends keyof EvEvents>(event: K, listener: Listener<K>): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener<keyof EvEvents>]);
  }

  /** Tells every listener of `event`. */
  emit<K extends keyof EvEvents>(event: K, payload: EvEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<K>)(payload);
  }

  /** Starts or stops counting energy into the EVSE's register. */
  setFlowing(evse: EvseState, flowing: boolean): void {
    this.readEnergy(evse);
    const was = evse.flowingSince !== undefined;
    evse.flowingSince = flowing ? Date.now() : undefined;
    if (was !== flowing) this.emit('flow', { evse, powerW: this.power(evse) });
  }

  /** The register value now (Wh), counting the energy of the flow so far. */
  readEnergy(evse: EvseState): number {
    if (evse.flowingSince !== undefined) {
      const now = Date.now();
      evse.energyWh += (CHARGING_POWER_W * (now - evse.flowingSince)) / 3_600_000;
      evse.flowingSince = now;
    }
    return Math.round(evse.energyWh * 10) / 10;
  }

  /** The power drawn now (W). */
  power(evse: EvseState): number {
    return evse.flowingSince === undefined ? 0 : CHARGING_POWER_W;
  }
}

/** EV and EVSE are connected: the cable is in at both ends. */
export const isConnected = (connector: ConnectorState): boolean => connector.evSide && connector.stationSide;

const models = new WeakMap<StationRuntime, EvModel>();

/** The shared model of `station` (made on first use, one per station). */
export function evModel(station: StationRuntime): EvModel {
  let model = models.get(station);
  if (!model) {
    model = new EvModel(station);
    models.set(station, model);
  }
  return model;
}
