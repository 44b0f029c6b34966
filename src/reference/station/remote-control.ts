/** Block F of the reference station beyond the transaction engine: UnlockConnector (F05), the per-connector StatusNotification trigger (F06) and the availability checks of a remote start (F01/F02). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { evseOperative } from './availability';
import { connectorStatusNow } from './connectors';
import { evModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { remoteStartRefusals, transactionsOf } from './transactions';

/**
 * UnlockConnector: UnknownConnector for a connector the station does not have (F05.FR.03); OngoingAuthorizedTransaction
 * while an authorized transaction runs on its EVSE (F05.FR.02, nothing is unlocked); otherwise the lock opens, with or
 * without a cable in it (F05.FR.04, F05.FR.06), and a loose cable may be taken out. TriggerMessage(StatusNotification)
 * reports the named connector, the connectors of the named EVSE, or all (F06.FR.02). RequestStartTransaction is refused
 * for an EVSE that is Unavailable or Faulted (F01.FR.23, F02.FR.25).
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

  return {
    handlers: { UnlockConnector: (call) => unlock(call.payload) },
    triggers: {
      StatusNotification: {
        accepts: (evseId, connectorId) => evseId === undefined || evseId === 0 || model.evses.get(evseId)?.connectors.some((c) => connectorId === undefined || c.connectorId === connectorId) === true,
        send: (evseId, connectorId) => reportStatus(evseId, connectorId),
      },
    },
  };
}
