/** Block F of the reference station beyond the transaction engine: UnlockConnector (F05), the per-connector StatusNotification trigger (F06), the availability checks of a remote start (F01/F02), and the plug retention lock (G05). */
import type { StationAction } from '../../drivers/actions';
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { evseOperative } from './availability';
import { connectorStatusNow } from './connectors';
import { evModel, isConnected, type EvseState } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { remoteStartRefusals, transactionsOf } from './transactions';

/**
 * UnlockConnector: UnknownConnector for a connector the station does not have (F05.FR.03); OngoingAuthorizedTransaction
 * while an authorized transaction runs on its EVSE (F05.FR.02, nothing is unlocked); otherwise the lock opens, with or
 * without a cable in it (F05.FR.04, F05.FR.06), and a loose cable may be taken out. TriggerMessage(StatusNotification)
 * reports the named connector, the connectors of the named EVSE, or all (F06.FR.02). RequestStartTransaction is refused
 * for an EVSE that is Unavailable or Faulted (F01.FR.23, F02.FR.25). When charging is to start (authorized, EV
 * connected) on a connector whose plug retention lock fails (driver action lockFails), the energy stays off (G05.FR.01)
 * and the station sends NotifyEvent ConnectorPlugRetentionLock.Problem true (G05.FR.02), once per plug-in.
 */
export function remoteControlFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);

  remoteStartRefusals(station).push((evseId) => (evseOperative(station, evseId) || station.has('remoteStart.unavailableAccepted') ? undefined : 'Unavailable'));

  const unlock = ({ evseId, connectorId }: OcppRequests['UnlockConnector']): OcppResponses['UnlockConnector'] => {
    const connector = model.evses.get(evseId)?.connectors.find((c) => c.connectorId === connectorId);
    if (!connector) return { status: station.has('unlock.unknownConnectorUnlocked') ? 'Unlocked' : 'UnknownConnector' };
    const evse = model.evse(evseId);
    if (engine.ongoing(evseId) !== undefined && evse.authorization && !station.has('unlock.duringTransaction')) return { status: 'OngoingAuthorizedTransaction' };
    const cableIn = connector.stationSide || connector.evSide;
    if ((!cableIn && station.has('unlock.failsWithoutCable')) || station.has('unlock.lockStuck')) return { status: 'UnlockFailed' };
    // The lock opens: nothing keeps a loose cable in the socket any more.
    evse.unlockToken = undefined;
    return { status: 'Unlocked' };
  };

  const reportStatus = async (evseId?: number, connectorId?: number): Promise<void> => {
    for (const evse of model.evses.values()) {
      if (evseId !== undefined && evseId !== 0 && evse.id !== evseId) continue;
      for (const connector of evse.connectors) {
        if (connectorId !== undefined && evseId !== undefined && evseId !== 0 && connector.connectorId !== connectorId) continue;
        const status = station.has('trigger.statusAlwaysAvailable') ? 'Available' : connectorStatusNow(station, evse.id, connector.connectorId);
        await station.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: status, evseId: evse.id, connectorId: connector.connectorId });
      }
    }
  };

  /** Connectors whose failed lock has been reported since they were plugged in. */
  const reportedLocks = new Set<string>();
  const failedLock = (evse: EvseState) => evse.connectors.find((c) => isConnected(c) && c.lockFails);
  model.energyBlocks.push((evse) => !station.has('lock.chargesAnyway') && failedLock(evse) !== undefined);
  const tryLock = (evse: EvseState): void => {
    const connector = failedLock(evse);
    if (!evse.authorization || !connector) return;
    const key = `${connector.evseId}/${connector.connectorId}`;
    if (reportedLocks.has(key)) return;
    reportedLocks.add(key);
    const component = { name: 'ConnectorPlugRetentionLock', evse: { id: connector.evseId, connectorId: connector.connectorId } };
    if (station.deviceModel.has(component, 'Problem')) station.deviceModel.set(component, 'Problem', 'true');
    if (station.has('lock.noProblemEvent')) return;
    const timestamp = new Date().toISOString();
    void station.send('NotifyEvent', {
      generatedAt: timestamp,
      seqNo: 0,
      eventData: [{ eventId: Math.floor(Math.random() * 2 ** 31), timestamp, trigger: 'Delta', actualValue: 'true', eventNotificationType: 'HardWiredNotification', component, variable: { name: 'Problem' } }],
    });
  };
  model.on('authorized', ({ evse }) => evse && station.later(0, () => tryLock(evse)));
  model.on('cable', ({ evse, connector, connected }) => {
    if (!connected) reportedLocks.delete(`${connector.evseId}/${connector.connectorId}`);
    else station.later(0, () => tryLock(evse));
  });

  const perform = (action: StationAction): boolean => {
    if (action.kind !== 'lockFails' && action.kind !== 'lockWorks') return false;
    model.connector(action.evseId, action.connectorId).lockFails = action.kind === 'lockFails';
    return true;
  };

  return {
    perform,
    handlers: { UnlockConnector: (call) => unlock(call.payload) },
    triggers: {
      StatusNotification: {
        accepts: (evseId, connectorId) => evseId === undefined || evseId === 0 || model.evses.get(evseId)?.connectors.some((c) => connectorId === undefined || c.connectorId === connectorId) === true,
        send: (evseId, connectorId) => reportStatus(evseId, connectorId),
      },
    },
  };
}
