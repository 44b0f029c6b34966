// The reference station's variable monitoring on its own: thresholds with their cleared event, Delta, the monitoring level, and events queued offline sent most severe first.
import { createDeviceModel } from '../../src/reference/station/device-model';
import type { StationRuntime } from '../../src/reference/station/feature';
import { monitoringFeature } from '../../src/reference/station/monitoring';
import type { OcppRequests } from '../../src/ocpp/generated';
import type { IncomingCall } from '../../src/ocpp/connection';

type Sent = { action: string; payload: OcppRequests['NotifyEvent'] };

/** A station runtime with just what monitoring uses: a device model, a boot state the test sets, and the CALLs it sends. */
function fakeStation() {
  const sent: Sent[] = [];
  const timers: NodeJS.Timeout[] = [];
  const station = {
    options: { stationId: 'CS1', evses: [{ id: 1, connectors: [1] }], vendorName: 'v', model: 'm', timeoutMs: 1000, csmsUrl: 'ws://x' },
    deviceModel: createDeviceModel({ evses: [{ id: 1, connectors: [1] }] }),
    bootState: 'Accepted' as StationRuntime['bootState'],
    has: () => false,
    send: async (action: string, payload: unknown) => {
      if (station.bootState !== 'Accepted') return undefined;
      sent.push({ action, payload: payload as OcppRequests['NotifyEvent'] });
      return {};
    },
    later: (ms: number, action: () => void) => void timers.push(setTimeout(action, ms)),
    log: () => undefined,
    reboot: async () => undefined,
  };
  return { station: station as unknown as StationRuntime & { bootState: StationRuntime['bootState'] }, sent, stop: () => timers.forEach(clearTimeout) };
}

/** Calls a handler of the feature as the CSMS would. */
function call<A extends 'SetVariableMonitoring' | 'SetMonitoringLevel'>(feature: ReturnType<typeof monitoringFeature>, action: A, payload: OcppRequests[A]) {
  const handler = feature.handlers?.[action] as (c: IncomingCall<A>) => unknown;
  return handler({ payload } as IncomingCall<A>);
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const events = (sent: Sent[]) => sent.filter((s) => s.action === 'NotifyEvent').flatMap((s) => s.payload.eventData);

describe('reference station monitoring', () => {
  it('reports an upper threshold exceeded, and cleared when the value returns', async () => {
    const { station, sent, stop } = fakeStation();
    const feature = monitoringFeature(station);
    call(feature, 'SetVariableMonitoring', { setMonitoringData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, type: 'UpperThreshold', value: 400, severity: 4 }] });
    station.deviceModel.set('OCPPCommCtrlr', 'OfflineThreshold', '500');
    station.deviceModel.set('OCPPCommCtrlr', 'OfflineThreshold', '450');
    station.deviceModel.set('OCPPCommCtrlr', 'OfflineThreshold', '300');
    await flush();
    expect(events(sent).map((e) => [e.trigger, e.actualValue, e.cleared])).toEqual([
      ['Alerting', '500', false],
      ['Alerting', '300', true],
    ]);
    stop();
  });

  it('sends nothing for a monitor above the monitoring level', async () => {
    const { station, sent, stop } = fakeStation();
    const feature = monitoringFeature(station);
    call(feature, 'SetVariableMonitoring', { setMonitoringData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, type: 'Delta', value: 1, severity: 7 }] });
    call(feature, 'SetMonitoringLevel', { severity: 6 });
    station.deviceModel.set('OCPPCommCtrlr', 'HeartbeatInterval', '900');
    await flush();
    expect(events(sent).filter((e) => e.variable.name === 'HeartbeatInterval')).toEqual([]);
    stop();
  });

  it('queues offline the events within OfflineQueuingSeverity and sends them most severe first when back', async () => {
    const { station, sent, stop } = fakeStation();
    const feature = monitoringFeature(station);
    station.deviceModel.set('MonitoringCtrlr', 'OfflineQueuingSeverity', '4');
    call(feature, 'SetVariableMonitoring', {
      setMonitoringData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, type: 'Delta', value: 1, severity: 4 },
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, type: 'Delta', value: 1, severity: 1 },
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'ResetRetries' }, type: 'Delta', value: 0, severity: 6 },
      ],
    });
    station.bootState = 'offline';
    station.deviceModel.set('OCPPCommCtrlr', 'HeartbeatInterval', '900');
    station.deviceModel.set('OCPPCommCtrlr', 'OfflineThreshold', '900');
    station.deviceModel.set('OCPPCommCtrlr', 'ResetRetries', '5');
    station.bootState = 'Accepted';
    await feature.onAccepted?.();
    await flush();
    expect(events(sent).map((e) => e.variable.name)).toEqual(['OfflineThreshold', 'HeartbeatInterval']);
    stop();
  });
});
