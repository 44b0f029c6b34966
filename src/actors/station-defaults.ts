/** How the harness, playing a Charging Station, answers CSMS CALLs that no step waits for: from a device model of its own, else NotSupported. */
import type { IncomingCall } from '../ocpp/connection';
import { createDeviceModel } from '../reference/station/device-model';
import type { EvseLayout } from '../engine/config';

/** Builds the simulated station's answers: GetVariables and SetVariables work on a device model; the rest is honestly unsupported. */
export function simulatedStationAnswers(evses: readonly EvseLayout[]): (call: IncomingCall) => void {
  const deviceModel = createDeviceModel({ evses: evses.map((e) => ({ id: e.id, connectors: [...e.connectors] })) });
  return (call) => {
    switch (call.action) {
      case 'GetVariables':
        return (call as IncomingCall<'GetVariables'>).respond({ getVariableResult: deviceModel.getVariables((call as IncomingCall<'GetVariables'>).payload.getVariableData) });
      case 'SetVariables':
        return (call as IncomingCall<'SetVariables'>).respond({ setVariableResult: deviceModel.setVariables((call as IncomingCall<'SetVariables'>).payload.setVariableData) });
      default:
        return call.respondError('NotSupported', `the harness's simulated station does not support ${call.action} outside a step that expects it`);
    }
  };
}
