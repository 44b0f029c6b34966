/** Block B (provisioning) and P (data transfer) of the reference station: reset, variables, base reports, triggers of boot and status. */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { StationFeature, StationRuntime } from './feature';

/** Reset, Get/SetVariables, GetBaseReport, DataTransfer, and the BootNotification / StatusNotification / Heartbeat triggers. */
export function provisioningFeature(station: StationRuntime, reportConnectors: () => Promise<void>, bootAgain: () => void): StationFeature {
  const { deviceModel } = station;
  const sendReport = async (requestId: number, pages: readonly OcppRequests['NotifyReport']['reportData'][]) => {
    const generatedAt = new Date().toISOString();
    for (const [seqNo, reportData] of pages.entries()) {
      await station.send('NotifyReport', { requestId, generatedAt, seqNo, tbc: seqNo < pages.length - 1, reportData });
    }
  };
  const setVariables = (request: OcppRequests['SetVariables']): OcppResponses['SetVariables']['setVariableResult'] => {
    if (station.has('variables.setRejected') || station.has('variables.staleRead')) {
      const status = station.has('variables.setRejected') ? 'Rejected' : 'Accepted';
      return request.setVariableData.map((d) => ({ attributeType: d.attributeType, attributeStatus: status, component: d.component, variable: d.variable }));
    }
    return deviceModel.setVariables(request.setVariableData);
  };
  return {
    handlers: {
      Reset: () => {
        if (station.has('reset.rejected')) return { status: 'Rejected' };
        station.later(0, () => void station.reboot('RemoteReset'));
        return { status: 'Accepted' };
      },
      SetVariables: (call) => ({ setVariableResult: setVariables(call.payload) }),
      GetVariables: (call) => ({ getVariableResult: deviceModel.getVariables(call.payload.getVariableData) }),
      GetBaseReport: (call) => {
        const { requestId, reportBase } = call.payload;
        const pages = deviceModel.pageReport(deviceModel.report(reportBase), deviceModel.getNumber('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }));
        station.later(0, () => void sendReport(requestId, pages));
        return { status: 'Accepted' };
      },
      DataTransfer: () => ({ status: station.has('dataTransfer.acceptsUnknownVendor') ? 'Accepted' : 'UnknownVendorId' }),
    },
    triggers: {
      BootNotification: { send: () => (station.has('boot.triggerIgnored') ? undefined : bootAgain()) },
      StatusNotification: { send: () => reportConnectors() },
      Heartbeat: { send: () => void station.send('Heartbeat', {}) },
    },
  };
}
