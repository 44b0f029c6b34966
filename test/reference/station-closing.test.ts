// The reference station between the CSMS's close frame and the end of the TCP (or TLS) teardown: it is offline there, so what happens meanwhile is queued and goes out right after the reconnection.
import { EventEmitter } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { IncomingCall, OcppConnection } from '../../src/ocpp/connection';
import type { OcppRequests } from '../../src/ocpp/generated';
import { ReferenceStation } from '../../src/reference/station/station';
import type { OcppServer } from '../../src/transport/server';
import { WAIT_MS, listen, nextEvent } from '../transport/helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One station connection through the relay; `freezing`: freeze after the CSMS's next bytes. */
interface Link {
  readonly station: Socket;
  readonly csms: Socket;
  state: 'open' | 'freezing' | 'frozen';
}

/**
 * A TCP relay between station and CSMS that can freeze a link the moment the CSMS's next bytes (its close frame) have
 * reached the station: from then on nothing passes in either direction and neither side's TCP closes, so the station
 * stays in the closing handshake until the test cuts the link. Emits `closing` when the station answers across a
 * frozen link (its close frame: it is then in the closing handshake).
 */
class FreezingRelay extends EventEmitter {
  private readonly links = new Set<Link>();
  private readonly server: Server;

  private constructor(target: number) {
    super();
    this.server = createServer({ allowHalfOpen: true }, (station) => this.relay(station, target));
  }

  /** A relay on a free loopback port to the CSMS at `target`. */
  static async start(target: number): Promise<FreezingRelay> {
    const relay = new FreezingRelay(target);
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** Freezes every open link once the CSMS's next bytes went through. */
  freezeAfterNextFromCsms(): void {
    for (const link of this.links) link.state = 'freezing';
  }

  /** Drops every link without a closing handshake. */
  cut(): void {
    for (const link of this.links) {
      link.station.destroy();
      link.csms.destroy();
    }
    this.links.clear();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private relay(station: Socket, target: number): void {
    const link: Link = { station, csms: connect({ port: target, host: '127.0.0.1', allowHalfOpen: true }), state: 'open' };
    this.links.add(link);
    link.csms.on('data', (chunk) => {
      if (link.state === 'frozen') return;
      station.write(chunk);
      if (link.state === 'freezing') link.state = 'frozen';
    });
    station.on('data', (chunk) => (link.state === 'frozen' ? this.emit('closing') : link.csms.write(chunk)));
    for (const socket of [station, link.csms]) socket.on('error', () => undefined);
  }
}

/** A CSMS that accepts every boot and answers every CALL; `calls` emits each (action, payload). */
function acceptingCsms(server: OcppServer): EventEmitter {
  const calls = new EventEmitter();
  server.on('connection', (connection: OcppConnection) => {
    connection.on('call', (call: IncomingCall) => {
      if (call.action === 'BootNotification') call.respond({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 } as never);
      else if (call.action === 'Heartbeat') call.respond({ currentTime: new Date().toISOString() } as never);
      else call.respond({} as never);
      calls.emit(call.action, call.payload, connection);
    });
  });
  return calls;
}

test('an EV plugged in while the CSMS closes the connection is queued as offline and reported right after the reconnection', async () => {
  const server = await listen();
  cleanups.push(() => server.close());
  const relay = await FreezingRelay.start(server.port);
  cleanups.push(() => relay.close());
  const calls = acceptingCsms(server);
  const station = new ReferenceStation({ csmsUrl: `ws://127.0.0.1:${relay.port}/ocpp`, stationId: 'CS001', evses: [{ id: 1, connectors: [1] }], vendorName: 'V', model: 'M', timeoutMs: WAIT_MS, reconnectDelayMs: 0 });
  cleanups.push(() => station.stop());
  const booted = nextEvent<[unknown, OcppConnection]>(calls, 'SecurityEventNotification');
  await station.start();
  const [, first] = await booted;
  expect(station.bootState).toBe('Accepted');

  // The CSMS closes; the station gets the close frame, answers it, and its TCP teardown is held up.
  const closing = nextEvent(relay, 'closing');
  relay.freezeAfterNextFromCsms();
  void first.close(1001, 'going offline');
  await closing;
  expect(station.bootState).toBe('offline');
  await station.perform({ kind: 'plugIn', side: 'both', evseId: 1, connectorId: 1 });

  // MessageAttemptInterval[TransactionEvent] is 60 s: the event must not have been counted as a failed attempt.
  const reported = nextEvent<[OcppRequests['TransactionEvent']]>(calls, 'TransactionEvent');
  relay.cut();
  const [started] = await reported;
  expect(started).toMatchObject({ eventType: 'Started', triggerReason: 'CablePluggedIn', offline: true });
});
