/** Block E/G of the reference station, physical side: cables, parking bays, the EV and connector faults, each change reported with StatusNotification. */
import type { StationAction } from '../../drivers/actions';
import type { CableSide, ConnectorRef } from '../../drivers/station-actions';
import { evModel, isConnected, type ConnectorState, type EvModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';

/** The driver actions this feature performs. */
const PHYSICAL: ReadonlySet<StationAction['kind']> = new Set(['plugIn', 'unplug', 'parkingBayOccupied', 'parkingBayVacated', 'evSuspend', 'evResume', 'evNotReady', 'evEndsSession', 'raiseFault', 'clearFault']);

/** Resolves after the event loop has had two turns to deliver pending socket data. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** A connector status. */
type ConnectorStatus = ReturnType<EvModel['statusOf']>;

/** The status each connector last reported while the station was online: what a station that lost its offline changes still reports (fault offline.statusChangesLost). */
const sentOnline = new WeakMap<ConnectorState, ConnectorStatus>();

/** The status a connector has right now, for the boot report and StatusNotification triggers. */
export function connectorStatusNow(station: StationRuntime, evseId: number, connectorId: number): ConnectorStatus {
  const model = evModel(station);
  const connector = model.connector(evseId, connectorId);
  connector.reported = model.statusOf(connector);
  sentOnline.set(connector, connector.reported);
  return connector.reported;
}

/** One connector's status as the station reports it once accepted. */
export interface ConnectorStatusReport {
  readonly evseId: number;
  readonly connectorId: number;
  readonly status: ConnectorStatus;
}

/**
 * What the station reports of its connectors after an accepted BootNotification: every connector with its status now
 * (B01.FR.05). The reference boots again after every reconnection, so an offline period ends with all connectors
 * reported too, which is B04.FR.01 and includes the changed connectors of B04.FR.02. `afterLoss` (the boot ends an
 * offline period, not a reboot) is where the offline faults change the report.
 */
export function connectorReport(station: StationRuntime, afterLoss: boolean): ConnectorStatusReport[] {
  const model = evModel(station);
  const reports: ConnectorStatusReport[] = [];
  for (const evse of station.options.evses) {
    for (const connectorId of evse.connectors) {
      const connector = model.connector(evse.id, connectorId);
      const before = sentOnline.get(connector);
      const now = connectorStatusNow(station, evse.id, connectorId);
      if (afterLoss && station.has('offline.onlyChangedReported') && before === now) continue;
      const status = afterLoss && station.has('offline.statusChangesLost') && before !== undefined ? before : now;
      sentOnline.set(connector, status);
      reports.push({ evseId: evse.id, connectorId, status });
    }
  }
  return reports;
}

/**
 * Reports a connector whose status changed with StatusNotification (G01) and keeps Connector.AvailabilityState in step;
 * nothing is sent when the status is the one last reported. Other features (availability, reservations) call it too.
 */
export function reportConnectorStatus(station: StationRuntime, connector: ConnectorState): void {
  const model = evModel(station);
  const status = model.statusOf(connector);
  if (status === connector.reported) return;
  connector.reported = status;
  // The faults keep the change from every channel: no StatusNotification, and no AvailabilityState change a monitor could report.
  if (status === 'Occupied' && station.has('connector.noOccupiedStatus')) return;
  if (status === 'Available' && station.has('connector.noAvailableStatus')) return;
  const component = { name: 'Connector', evse: { id: connector.evseId, connectorId: connector.connectorId } };
  if (station.deviceModel.has(component, 'AvailabilityState')) station.deviceModel.set(component, 'AvailabilityState', status);
  // Block N: an EVSE with one connector is in the state of its connector, so monitors on EVSE.AvailabilityState see the change too.
  const evse = { name: 'EVSE', evse: { id: connector.evseId } };
  const single = station.options.evses.find((e) => e.id === connector.evseId)?.connectors.length === 1;
  if (single && station.deviceModel.has(evse, 'AvailabilityState')) station.deviceModel.set(evse, 'AvailabilityState', status);
  if (station.bootState === 'Accepted') sentOnline.set(connector, status);
  void station.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: status, evseId: connector.evseId, connectorId: connector.connectorId });
}

/**
 * Performs the driver actions on cables (plugIn / unplug at either or both ends), parking bays, the EV's readiness and
 * connector faults, and tells the other features through the shared model. A change of connector status is reported
 * with StatusNotification (Part 2 E02.FR.05, E06) and kept in Connector.AvailabilityState.
 */
export function connectorFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const reportStatus = (connector: ConnectorState): void => reportConnectorStatus(station, connector);

  const changeCable = ({ evseId, connectorId }: ConnectorRef, side: CableSide, plugged: boolean): void => {
    const evse = model.evse(evseId);
    const connector = model.connector(evseId, connectorId);
    const wasConnected = isConnected(connector);
    if (side !== 'station') connector.evSide = plugged;
    if (side !== 'ev' && !connector.fixedCable) connector.stationSide = plugged;
    // An EV that leaves takes its state with it: the next one is ready for energy unless told otherwise.
    if (side !== 'station' && !plugged) evse.ev = 'ready';
    if (!connector.stationSide) evse.unlockToken = undefined;
    reportStatus(connector);
    model.emit('cable', { evse, connector, side, plugged, wasConnected, connected: isConnected(connector) });
  };

  const perform = async (action: StationAction): Promise<boolean> => {
    if (!PHYSICAL.has(action.kind)) return false;
    // The in-process driver acts faster than any network: let the station first handle the frames already on their way
    // (e.g. the answer to an AuthorizeRequest), as a real station would have long before a person plugs in.
    await settle();
    switch (action.kind) {
      case 'plugIn':
      case 'unplug':
        changeCable(action, action.side, action.kind === 'plugIn');
        return true;
      case 'parkingBayOccupied':
      case 'parkingBayVacated': {
        const evse = model.evse(action.evseId);
        evse.bayOccupied = action.kind === 'parkingBayOccupied';
        model.emit('bay', evse);
        return true;
      }
      case 'evSuspend':
      case 'evResume':
      case 'evNotReady': {
        const evse = model.evse(action.evseId);
        evse.ev = action.kind === 'evResume' ? 'ready' : action.kind === 'evSuspend' ? 'suspended' : 'notReady';
        model.emit('ev', evse);
        return true;
      }
      case 'evEndsSession': {
        const evse = model.evse(action.evseId);
        if (evse.authorization && !station.has('ev.sessionEndIgnored')) model.emit('stopRequested', { evse, triggerReason: 'StopAuthorized', stoppedReason: 'StoppedByEV' });
        return true;
      }
      case 'raiseFault':
      case 'clearFault': {
        const connector = model.connector(action.evseId, action.connectorId);
        connector.faulted = action.kind === 'raiseFault';
        reportStatus(connector);
        model.emit('fault', { evse: model.evse(action.evseId), connector });
        return true;
      }
      default:
        return false;
    }
  };

  return { perform };
}
