// Checks the OCPP-J transport both ends rely on: station ids from the URL, refusals with the right HTTP status, Basic auth and shutdown.
import type { Server } from 'node:http';
import { PassThrough } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import type { IncomingCall } from '../../src/ocpp/connection';
import { ConnectError, connectOcpp, stationUrl } from '../../src/transport/client';
import { OCPP_SUBPROTOCOL, basicAuthHeader, parseBasicAuth } from '../../src/transport/security';
import type { OcppServer, OcppServerOptions, Refusal } from '../../src/transport/server';
import { WAIT_MS, connectStation, listen, nextEvent } from './helpers';

const PASSWORD = 'ocppct-secret-0001';

const servers: OcppServer[] = [];
let bare: WebSocketServer | undefined;

/** A server closed after the test. */
async function start(options: Partial<OcppServerOptions> = {}): Promise<OcppServer> {
  const server = await listen(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
  bare = undefined;
});

/** Tries a WebSocket upgrade with a bare client; resolves with the HTTP status of the answer (101 when it was accepted). */
function upgradeStatus(url: string, protocols: string[], headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { headers, handshakeTimeout: WAIT_MS });
    socket.on('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate();
      resolve(response.statusCode ?? 0);
    });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
  });
}

/** Connects as a station and returns how the attempt failed (failing the test when it succeeded). */
async function refusedWith(server: OcppServer, options: { csmsUrl?: string; stationId?: string; password?: string } = {}): Promise<ConnectError> {
  const attempt = connectOcpp({ csmsUrl: server.baseUrl, stationId: 'CS001', connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS, ...options });
  const error = await attempt.then((connection) => connection.close().then(() => new Error('the connection was accepted')), (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectError);
  return error as ConnectError;
}

describe('OcppServer and connectOcpp', () => {
  test('take the station id from the last path segment, decoded, and agree on ocpp2.0.1', async () => {
    const server = await start();
    const { station, csms, info } = await connectStation(server, { stationId: 'CS 01' });
    expect(stationUrl(server.baseUrl, 'CS 01')).toBe(`ws://127.0.0.1:${server.port}/ocpp/CS%2001`);
    expect(info).toEqual({ stationId: 'CS 01', remoteAddress: '127.0.0.1', subprotocol: OCPP_SUBPROTOCOL, password: undefined });
    expect(csms.name).toBe('CS 01#1');
    expect(station.name).toBe('CS 01');
    expect(station.isOpen && csms.isOpen).toBe(true);
  });

  test.each([
    ['another base path', '/other/CS001'],
    ['no station id', '/ocpp/'],
    ['a station id with a slash', '/ocpp/CS/001'],
  ])('refuse %s with 404 and a refused event', async (_name, path) => {
    const server = await start();
    const refused = nextEvent<[string | undefined, Refusal]>(server, 'refused');
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}${path}`, [OCPP_SUBPROTOCOL])).toBe(404);
    expect(await refused).toEqual([undefined, { status: 404, reason: `path ${path} is not /ocpp/<stationId>` }]);
  });

  test('connectOcpp reports a refusal as ConnectError with the HTTP status', async () => {
    const server = await start();
    const error = await refusedWith(server, { csmsUrl: `ws://127.0.0.1:${server.port}/other` });
    expect(error.httpStatus).toBe(404);
    expect(error.message).toMatch(/refused the upgrade with HTTP 404/);
  });

  // A malformed %-escape once escaped the 'upgrade' listener as an uncaught URIError. The upgrade is fed to the listener directly,
  // so a regression would throw here instead of crashing the test process.
  test('refuses a path with a malformed %-escape with 404 instead of throwing', async () => {
    const server = await start();
    const socket = new PassThrough();
    const request = { url: '/ocpp/CS%E0%A4%A', headers: { 'sec-websocket-protocol': OCPP_SUBPROTOCOL }, socket: {} };
    const refused = jest.fn();
    server.on('refused', refused);
    (Reflect.get(server, 'http') as Server).emit('upgrade', request, socket, Buffer.alloc(0));
    expect(refused).toHaveBeenCalledWith(undefined, expect.objectContaining({ status: 404 }));
    expect(String(socket.read())).toMatch(/^HTTP\/1\.1 404 /);
  });

  test.each([
    ['no subprotocol', [], 'none'],
    ['only ocpp1.6', ['ocpp1.6'], 'ocpp1.6'],
  ])('refuse a station offering %s with 400', async (_name, protocols, offered) => {
    const server = await start();
    const refused = nextEvent<[string | undefined, Refusal]>(server, 'refused');
    expect(await upgradeStatus(`${server.baseUrl}/CS001`, protocols)).toBe(400);
    expect(await refused).toEqual(['CS001', { status: 400, reason: `subprotocol ocpp2.0.1 not offered (offered: ${offered})` }]);
  });

  test('accept a station offering ocpp1.6 and ocpp2.0.1, choosing ocpp2.0.1', async () => {
    const server = await start();
    const accepted = nextEvent(server, 'connection');
    expect(await upgradeStatus(`${server.baseUrl}/CS001`, ['ocpp1.6', OCPP_SUBPROTOCOL])).toBe(101);
    expect((await accepted)[1]).toMatchObject({ stationId: 'CS001', subprotocol: OCPP_SUBPROTOCOL });
  });

  test('connectOcpp fails when the server agrees to no subprotocol', async () => {
    bare = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => false });
    await nextEvent(bare, 'listening');
    const port = (bare.address() as { port: number }).port;
    const error = await connectOcpp({ csmsUrl: `ws://127.0.0.1:${port}/ocpp`, stationId: 'CS001', connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).httpStatus).toBeUndefined();
  });

  test('connectOcpp hands over a CALL the CSMS sent right behind its 101 answer to listeners attached after the await', async () => {
    bare = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => OCPP_SUBPROTOCOL });
    await nextEvent(bare, 'listening');
    bare.on('connection', (socket) => socket.send(JSON.stringify([2, 'first', 'Reset', { type: 'Immediate' }])));
    const port = (bare.address() as { port: number }).port;
    const station = await connectOcpp({ csmsUrl: `ws://127.0.0.1:${port}/ocpp`, stationId: 'CS001', connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS });
    try {
      const [call] = await nextEvent<[IncomingCall]>(station, 'call');
      expect(call).toMatchObject({ messageId: 'first', action: 'Reset', payload: { type: 'Immediate' } });
    } finally {
      await station.close();
    }
  });

  describe('with Basic auth', () => {
    const authenticate = (stationId: string, credentials: { user: string; password: string } | undefined): string | undefined => {
      if (!credentials) return 'Basic authentication required';
      return credentials.user === stationId && credentials.password === PASSWORD ? undefined : 'wrong user or password';
    };

    test('accept the right password and pass it on', async () => {
      const server = await start({ authenticate });
      const { info } = await connectStation(server, { password: PASSWORD });
      expect(info.password).toBe(PASSWORD);
    });

    test.each([
      ['a wrong password', 'not-the-password-0001', 'wrong user or password'],
      ['no password', undefined, 'Basic authentication required'],
    ])('refuse %s with 401', async (_name, password, reason) => {
      const server = await start({ authenticate });
      const refused = nextEvent<[string | undefined, Refusal]>(server, 'refused');
      expect((await refusedWith(server, { password })).httpStatus).toBe(401);
      expect(await refused).toEqual(['CS001', { status: 401, reason }]);
    });
  });

  test('refuseNext refuses the next attempts with the given answers, in order, then accepts', async () => {
    const server = await start();
    server.refuseNext({ status: 503, reason: 'busy' }, { status: 401, reason: 'not yet' });
    const refusals: Refusal[] = [];
    server.on('refused', (_id: string | undefined, refusal: Refusal) => refusals.push(refusal));
    expect((await refusedWith(server)).httpStatus).toBe(503);
    expect((await refusedWith(server)).httpStatus).toBe(401);
    await connectStation(server);
    expect(refusals).toEqual([{ status: 503, reason: 'busy' }, { status: 401, reason: 'not yet' }]);
  });

  test('withdrawRefusal takes back a queued refusal no attempt has used, leaving the others', async () => {
    const server = await start();
    const offline: Refusal = { status: 503, reason: 'offline' };
    server.refuseNext(offline, { status: 401, reason: 'not yet' }, offline);
    server.withdrawRefusal(offline);
    expect((await refusedWith(server)).httpStatus).toBe(401);
    await connectStation(server);
  });

  test('close() terminates connected stations', async () => {
    const server = await start();
    const { station } = await connectStation(server);
    const closed = nextEvent<[{ code: number; reason: string }]>(station, 'close');
    await servers.splice(0)[0].close();
    expect((await closed)[0].code).toBe(1006);
    expect(station.isOpen).toBe(false);
  });
});

describe('Basic auth headers', () => {
  test.each([
    ['CS001', PASSWORD],
    ['CS001', 'pass:with:colons'],
    ['Station-Ü', 'pässwörd-€-0001'],
    ['CS001', ''],
  ])('round-trip user %s and password %s', (user, password) => {
    const header = basicAuthHeader(user, password);
    expect(header).toMatch(/^Basic [A-Za-z0-9+/=]+$/);
    expect(parseBasicAuth(header)).toEqual({ user, password });
  });

  test('follow RFC 7617 encoding', () => {
    expect(basicAuthHeader('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(parseBasicAuth('basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({ user: 'Aladdin', password: 'open sesame' });
  });

  test.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
    ['no credentials', 'Basic'],
    ['characters outside base64', 'Basic not*base64!'],
    ['credentials without a colon', `Basic ${Buffer.from('Aladdin').toString('base64')}`],
  ])('reject %s', (_name, header) => {
    expect(parseBasicAuth(header)).toBeUndefined();
  });
});
