// Shared by the connection and transport tests: a loopback OcppServer, a connected station pair, and bounded waits for events.
import type { EventEmitter } from 'node:events';
import type { OcppConnection } from '../../src/ocpp/connection';
import { connectOcpp, type ConnectOptions } from '../../src/transport/client';
import { OcppServer, type OcppServerOptions, type StationConnectionInfo } from '../../src/transport/server';

/** Upper bound of every wait in these tests: events normally arrive in a few milliseconds. */
export const WAIT_MS = 2_000;

/** An OcppServer on a free loopback port, stations at `/ocpp/<stationId>`. */
export function listen(options: Partial<OcppServerOptions> = {}): Promise<OcppServer> {
  return OcppServer.listen({ port: 0, path: '/ocpp', callTimeoutMs: WAIT_MS, ...options });
}

/** Resolves with the arguments of the next `event`, or rejects once `ms` pass without one. */
export function nextEvent<T extends unknown[]>(emitter: EventEmitter, event: string, ms = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no '${event}' event within ${ms} ms`));
    }, ms);
    emitter.once(event, listener);
  });
}

/** Both ends of one accepted station connection. */
export interface StationLink {
  readonly station: OcppConnection;
  readonly csms: OcppConnection;
  readonly info: StationConnectionInfo;
}

/** Connects a station to `server` and resolves with the station end, the server end and the server's facts about it. */
export async function connectStation(server: OcppServer, options: Partial<ConnectOptions> = {}): Promise<StationLink> {
  const [[csms, info], station] = await Promise.all([
    nextEvent<[OcppConnection, StationConnectionInfo]>(server, 'connection'),
    connectOcpp({ csmsUrl: server.baseUrl, stationId: 'CS001', connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS, ...options }),
  ]);
  return { station, csms, info };
}
