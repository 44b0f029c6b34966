// The reference station's display messages on their own: what the display shows by time window, state, transaction and priority, and the GetDisplayMessages parts.
import { createDeviceModel } from '../../src/reference/station/device-model';
import { displayedMessages, displayMessagesFeature } from '../../src/reference/station/display-messages';
import { evModel } from '../../src/reference/station/ev-model';
import type { StationRuntime } from '../../src/reference/station/feature';
import type { OcppRequests } from '../../src/ocpp/generated';
import type { IncomingCall } from '../../src/ocpp/connection';
import type { MessageInfoType } from '../../src/ocpp/generated/definitions';

/** A station runtime with what the feature uses: a device model, one EVSE, and the CALLs it sends. */
function fakeStation() {
  const sent: { action: string; payload: OcppRequests['NotifyDisplayMessages'] }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const station = {
    options: { stationId: 'CS1', evses: [{ id: 1, connectors: [1] }], vendorName: 'v', model: 'm', timeoutMs: 1000, csmsUrl: 'ws://x' },
    deviceModel: createDeviceModel({ evses: [{ id: 1, connectors: [1] }] }),
    bootState: 'Accepted' as StationRuntime['bootState'],
    has: () => false,
    send: async (action: string, payload: unknown) => {
      sent.push({ action, payload: payload as OcppRequests['NotifyDisplayMessages'] });
      return {};
    },
    later: (ms: number, action: () => void) => void timers.push(setTimeout(action, ms)),
    log: () => undefined,
    reboot: async () => undefined,
  };
  return { station: station as unknown as StationRuntime, sent, stop: () => timers.forEach(clearTimeout) };
}

function call<A extends 'SetDisplayMessage' | 'GetDisplayMessages' | 'ClearDisplayMessage'>(feature: ReturnType<typeof displayMessagesFeature>, action: A, payload: OcppRequests[A]) {
  const handler = feature.handlers?.[action] as (c: IncomingCall<A>) => unknown;
  return handler({ payload } as IncomingCall<A>);
}

const message = (id: number, fields: Partial<MessageInfoType> = {}): MessageInfoType => ({ id, priority: 'NormalCycle', message: { format: 'UTF8', content: `m${id}` }, ...fields });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('reference station display messages', () => {
  it('shows a message only inside its time window and only in its state', () => {
    const { station, stop } = fakeStation();
    const feature = displayMessagesFeature(station);
    call(feature, 'SetDisplayMessage', { message: message(1, { startDateTime: new Date(Date.now() + 60_000).toISOString() }) });
    call(feature, 'SetDisplayMessage', { message: message(2, { state: 'Faulted' }) });
    call(feature, 'SetDisplayMessage', { message: message(3, { state: 'Idle' }) });
    expect(displayedMessages(station).cycle.map((m) => m.id)).toEqual([3]);
    const connector = evModel(station).connector(1, 1);
    connector.faulted = true;
    evModel(station).emit('fault', { evse: evModel(station).evse(1), connector });
    expect(displayedMessages(station).cycle.map((m) => m.id)).toEqual([2]);
    stop();
  });

  it('keeps one AlwaysFront message in front and cycles the InFront ones', () => {
    const { station, stop } = fakeStation();
    const feature = displayMessagesFeature(station);
    call(feature, 'SetDisplayMessage', { message: message(1, { priority: 'InFront' }) });
    call(feature, 'SetDisplayMessage', { message: message(2, { priority: 'InFront' }) });
    expect(displayedMessages(station).front.map((m) => m.id)).toEqual([1, 2]);
    call(feature, 'SetDisplayMessage', { message: message(3, { priority: 'AlwaysFront' }) });
    call(feature, 'SetDisplayMessage', { message: message(4, { priority: 'AlwaysFront' }) });
    expect(displayedMessages(station).front.map((m) => m.id)).toEqual([4]);
    expect(call(feature, 'GetDisplayMessages', { requestId: 1, id: [3] })).toEqual({ status: 'Unknown' });
    stop();
  });

  it('refuses a message for an unknown transaction and reports many messages in parts with tbc', async () => {
    const { station, sent, stop } = fakeStation();
    const feature = displayMessagesFeature(station);
    expect(call(feature, 'SetDisplayMessage', { message: message(1, { transactionId: 'nope' }) })).toEqual({ status: 'UnknownTransaction' });
    for (let id = 1; id <= 6; id++) call(feature, 'SetDisplayMessage', { message: message(id) });
    expect(station.deviceModel.get('DisplayMessageCtrlr', 'DisplayMessages')).toBe('6');
    expect(call(feature, 'GetDisplayMessages', { requestId: 7 })).toEqual({ status: 'Accepted' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flush();
    expect(sent.map((s) => [s.payload.requestId, s.payload.messageInfo?.length, s.payload.tbc])).toEqual([
      [7, 4, true],
      [7, 2, false],
    ]);
    expect(call(feature, 'ClearDisplayMessage', { id: 6 })).toEqual({ status: 'Accepted' });
    expect(call(feature, 'ClearDisplayMessage', { id: 6 })).toEqual({ status: 'Unknown' });
    stop();
  });
});
