// A SUT that sends garbage, goes silent or disconnects yields a verdict with a reason within the configured timeouts: never a hang.
import WebSocket from 'ws';
import { loadCases } from '../src/engine/catalog';
import { resolveConfig, type RunConfig } from '../src/engine/config';
import type { Target } from '../src/engine/lane';
import type { CaseResult } from '../src/engine/results';
import { runCases } from '../src/engine/runner';
import type { Driver } from '../src/drivers/driver';
import type { IncomingCall, OcppConnection } from '../src/ocpp/connection';
import { connectOcpp } from '../src/transport/client';
import { OcppServer } from '../src/transport/server';
import { basicAuthHeader, OCPP_SUBPROTOCOL } from '../src/transport/security';

const config: RunConfig = resolveConfig({ timeouts: { messageMs: 300, connectMs: 600, operatorMs: 300, caseMs: 5_000 }, csms: { port: 0 }, configured: { heartbeatInterval: 1 } });
const byId = new Map(loadCases().map((c) => [c.id, c]));
const idleDriver: Driver = { name: 'test', perform: async () => undefined };
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Runs one case against a real (fake) SUT; `onListening` gets the URL the harness serves on (CS side). */
async function run(id: string, target: Target, onLane?: (url: string) => void): Promise<CaseResult> {
  const testCase = byId.get(id);
  if (!testCase) throw new Error(`no case ${id}`);
  const reporter = onLane ? { onCaseBegin: () => onLane(laneUrl) } : {};
  const result = await runCases({
    info: { runId: 'robustness', toolVersion: 'test', sut: testCase.sut, target: 'test', profiles: [], startedAt: new Date().toISOString(), outDir: '' },
    cases: [testCase],
    reporter,
    target,
    config,
    driver: idleDriver,
  });
  return result.cases[0];
}

/** The harness serves on port 0: the URL is only known once the lane is open, so the fake station learns it from a hook. */
let laneUrl = '';
const listenOnce = OcppServer.listen.bind(OcppServer);
beforeAll(() => {
  jest.spyOn(OcppServer, 'listen').mockImplementation(async (options) => {
    const server = await listenOnce(options);
    laneUrl = `${server.baseUrl}/${config.station.id}`;
    return server;
  });
});

/** A fake station: a raw WebSocket to the harness with the right subprotocol and credentials. */
function rawStation(url: string, onOpen: (socket: WebSocket) => void): void {
  const socket = new WebSocket(url, [OCPP_SUBPROTOCOL], { headers: { authorization: basicAuthHeader(config.station.id, config.station.basicAuthPassword as string) } });
  socket.on('open', () => onOpen(socket));
  socket.on('error', () => undefined);
  closers.push(() => socket.terminate());
}

/** A fake station that boots properly, then hands each CSMS CALL to `onCall`. */
function bootingStation(url: string, onCall: (call: IncomingCall, connection: OcppConnection) => void): void {
  void connectOcpp({ csmsUrl: url.slice(0, url.lastIndexOf('/')), stationId: config.station.id, password: config.station.basicAuthPassword, connectTimeoutMs: 500, callTimeoutMs: 500 }).then(async (connection) => {
    closers.push(() => connection.terminate());
    connection.on('call', (call: IncomingCall) => onCall(call, connection));
    await connection.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } }).catch(() => undefined);
  });
}

describe('Charging Station SUT', () => {
  test('garbage instead of a BootNotification fails the case, naming the problem', async () => {
    const result = await run('TC_P_01_CS', { kind: 'listen' }, (url) => rawStation(url, (socket) => socket.send('this is not OCPP')));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/broke OCPP-J: not JSON/);
    expect(result.frames.find((f) => f.direction === 'in')?.raw).toBe('this is not OCPP');
  });

  test('a station that never connects makes the case inconclusive within the connect timeout', async () => {
    const started = Date.now();
    const result = await run('TC_P_01_CS', { kind: 'listen' });
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(/did not connect within 600 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a station that connects but stays silent gets a verdict within the message timeout', async () => {
    // A station that connects without a BootNotification is taken as one that reconnected (no reboot, so no boot): the
    // case goes on, and the station's silence to the case's first CALL fails it.
    const started = Date.now();
    const result = await run('TC_P_01_CS', { kind: 'listen' }, (url) => rawStation(url, () => undefined));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/did not answer DataTransfer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a station that never answers a CALL fails the case within the message timeout', async () => {
    const result = await run('TC_P_01_CS', { kind: 'listen' }, (url) => bootingStation(url, () => undefined));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/did not answer DataTransfer within 300 ms/);
  });

  test('a station that disconnects mid-case fails it', async () => {
    const result = await run('TC_P_01_CS', { kind: 'listen' }, (url) => bootingStation(url, (_call, connection) => connection.terminate()));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/closed the connection/);
  });
});

describe('CSMS SUT', () => {
  /** A fake CSMS that hands every station CALL to `onCall`. */
  async function fakeCsms(onCall: (call: IncomingCall, connection: OcppConnection) => void): Promise<Target> {
    const server = await listenOnce({ port: 0, path: '/ocpp', callTimeoutMs: 500 });
    server.on('connection', (connection: OcppConnection) => connection.on('call', (call: IncomingCall) => onCall(call, connection)));
    closers.push(() => server.close());
    return { kind: 'url', url: server.baseUrl };
  }

  test('garbage in answer to BootNotification fails the case', async () => {
    const target = await fakeCsms((call, connection) => connection.sendRaw(`[3,"${call.messageId}",{"status":"Sure"}]`));
    const result = await run('TC_B_01_CSMS', target);
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/BootNotification response breaks its schema: .*required property .currentTime.*\/status: enum/);
  });

  test('a CSMS that never answers fails the boot case within the message timeout', async () => {
    const result = await run('TC_B_01_CSMS', await fakeCsms(() => undefined));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/did not answer BootNotification within 300 ms/);
  });

  test('a CSMS that closes the connection mid-case fails it', async () => {
    // It answers what the precondition sends (boot, connector statuses, events) and drops the connection at the case's own DataTransfer.
    const now = () => new Date().toISOString();
    const target = await fakeCsms((call, connection) => {
      if (call.action === 'DataTransfer') return connection.terminate();
      call.respond((call.action === 'BootNotification' ? { status: 'Accepted', interval: 1, currentTime: now() } : call.action === 'Heartbeat' ? { currentTime: now() } : {}) as never);
    });
    const result = await run('TC_P_02_CSMS', target);
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/closed the connection/);
  });

  test('nothing listening at the URL fails a boot case with the connection error', async () => {
    const result = await run('TC_B_01_CSMS', { kind: 'url', url: 'ws://127.0.0.1:1/ocpp' });
    expect(result.verdict).toBe('failed');
    expect(result.reason).toMatch(/did not take the connection: cannot connect/);
  });
});
