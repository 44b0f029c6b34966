/** Block B (provisioning) and P (data transfer) of the reference station: variables, triggers of boot and status (reset: reset.ts, reports: reports.ts). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { StationFeature, StationRuntime } from './feature';
import { faultyGetVariables, faultySetVariables } from './variables-faults';

/** Get/SetVariables, DataTransfer, and the BootNotification / StatusNotification / Heartbeat triggers. */
export function provisioningFeature(station: StationRuntime, reportConnectors: () => Promise<void>, bootAgain: () => void): StationFeature {
  const { deviceModel } = station;
  const setVariables = (request: OcppRequests['SetVariables']): OcppResponses['SetVariables']['setVariableResult'] => {
    if (station.has('variables.setRejected') || station.has('variables.staleRead')) {
      const status = station.has('variables.setRejected') ? 'Rejected' : 'Accepted';
      return request.setVariableData.map((d) => ({ attributeType: d.attributeType, attributeStatus: status, component: d.component, variable: d.variable }));
    }
    return faultySetVariables(deviceModel, (fault) => station.has(fault), request.setVariableData) as OcppResponses['SetVariables']['setVariableResult'];
  };
  return {
    handlers: {
      SetVariables: (call) => ({ setVariableResult: setVariables(call.payload) }),
      GetVariables: (call) => ({ getVariableResult: faultyGetVariables(deviceModel, (fault) => station.has(fault), call.payload.getVariableData) as OcppResponses['GetVariables']['getVariableResult'] }),
      DataTransfer: () => ({ status: station.has('dataTransfer.acceptsUnknownVendor') ? 'Accepted' : 'UnknownVendorId' }),
    },
    triggers: {
      // F06.FR.17: once accepted, a triggered BootNotification is Rejected (fault trigger.bootWhenAccepted boots again anyway).
      BootNotification: { send: () => (station.has('boot.triggerIgnored') ? undefined : bootAgain()), accepts: () => station.bootState !== 'Accepted' || station.has('trigger.bootWhenAccepted') },
      StatusNotification: { send: () => reportConnectors() },
      Heartbeat: { send: () => void station.send('Heartbeat', {}) },
    },
  };
}
