/** Blocks F and G of the reference CSMS: on its operator's request it unlocks a connector (F05), triggers a message (F06) and changes availability (G03, G04). */
import type { CsmsFeature, CsmsRuntime } from './feature';
import { callInBackground } from './background-call';

/**
 * The operator actions unlockConnector, triggerMessage and changeAvailability, each one CALL to the station with what the
 * operator named (a station-wide ChangeAvailability or TriggerMessage names no EVSE). NotifyEvent (a connector lock
 * failure, G05.FR.03) is answered by the monitoring feature.
 */
export function remoteControlFeature(csms: CsmsRuntime): CsmsFeature {
  return {
    perform(action) {
      switch (action.kind) {
        case 'unlockConnector': {
          const connectorId = csms.has('unlock.wrongConnector') ? action.connectorId + 1 : action.connectorId;
          callInBackground(csms, action.stationId, 'UnlockConnector', { evseId: action.evseId, connectorId });
          return true;
        }
        case 'triggerMessage': {
          if (csms.has('trigger.notSent')) return true;
          const { requestedMessage, evseId, connectorId } = action;
          // Fault trigger.evseDropped: the EVSE the operator named is left out.
          const evse = evseId === undefined || csms.has('trigger.evseDropped') ? {} : { evse: { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) } };
          callInBackground(csms, action.stationId, 'TriggerMessage', { requestedMessage, ...evse });
          return true;
        }
        case 'changeAvailability': {
          const { evseId, connectorId } = action;
          const operationalStatus = csms.has('availability.statusSwapped') ? (action.operationalStatus === 'Operative' ? 'Inoperative' : 'Operative') : action.operationalStatus;
          // Faults availability.evseDropped (what was meant for an EVSE or connector goes to the whole station) and
          // availability.connectorAdded (a request for the station or an EVSE names connector 1 as well).
          let evse = evseId === undefined || csms.has('availability.evseDropped') ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
          if (csms.has('availability.connectorAdded') && evse?.connectorId === undefined) evse = { id: evse?.id ?? 1, connectorId: 1 };
          callInBackground(csms, action.stationId, 'ChangeAvailability', { operationalStatus, ...(evse ? { evse } : {}) });
          return true;
        }
        default:
          return false;
      }
    },
  };
}
