// Exercises OcppConnection end to end over a real loopback WebSocket: typed calls, errors, timeouts, one-CALL-at-a-time and every violation it must report.
import { CallErrorResponse, CallTimeoutError, ConnectionClosedError, SchemaViolationError, type IncomingCall, type OcppConnection, type ProtocolViolation, type WireFrame } from '../../src/ocpp/connection';
import type { OcppServer } from '../../src/transport/server';
import type { BootNotificationRequest, BootNotificationResponse } from '../../src/ocpp/generated';
import { connectStation, listen, nextEvent } from '../transport/helpers';

const BOOT: BootNotificationRequest = { reason: 'PowerUp', chargingStation: { model: 'RefStation', vendorName: 'OpenOcppCt' } };
const ACCEPTED: BootNotificationResponse = { currentTime: '2024-01-01T00:00:00.000Z', interval: 300, status: 'Accepted' };

let server: OcppServer;
let station: OcppConnection;
let csms: OcppConnection;

beforeEach(async () => {
  server = await listen();
  ({ station, csms } = await connectStation(server));
});

afterEach(async () => {
  await station.close();
  await server.close();
});

/** Every frame `connection` emits from now on. */
function framesOf(connection: OcppConnection): WireFrame[] {
  const frames: WireFrame[] = [];
  connection.on('frame', (frame: WireFrame) => frames.push(frame));
  return frames;
}

/** Answers each BootNotification and Heartbeat the CSMS end receives. */
function answerCalls(): void {
  csms.on('call', (call: IncomingCall) => {
    if (call.action === 'BootNotification') call.respond(ACCEPTED);
    else call.respond({ currentTime: ACCEPTED.currentTime });
  });
}

const nextViolation = async (connection: OcppConnection): Promise<ProtocolViolation> => (await nextEvent<[ProtocolViolation]>(connection, 'violation'))[0];

test('a CALL gets its typed CALLRESULT, and the receiver sees the action, payload and message id', async () => {
  const incoming = nextEvent<[IncomingCall]>(csms, 'call');
  const outgoing = nextEvent<[WireFrame]>(station, 'frame');
  const response = station.call('BootNotification', BOOT);
  const [call] = await incoming;
  expect(call).toMatchObject({ action: 'BootNotification', payload: BOOT, messageId: (await outgoing)[0].messageId, connection: csms });
  expect(call.isAnswered).toBe(false);
  call.respond(ACCEPTED);
  expect(call.isAnswered).toBe(true);
  expect(() => call.respond(ACCEPTED)).toThrow(/already answered/);
  const accepted: BootNotificationResponse = await response;
  expect(accepted).toEqual(ACCEPTED);
});

test('a CALLERROR answer rejects the call with CallErrorResponse carrying code, description and details', async () => {
  csms.on('call', (call: IncomingCall) => call.respondError('NotSupported', 'not today', { retry: false }));
  const error = await station.call('Heartbeat', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CallErrorResponse);
  expect(error).toMatchObject({ action: 'Heartbeat', code: 'NotSupported', details: { retry: false }, message: 'Heartbeat was answered with CALLERROR NotSupported: not today' });
});

test('no answer rejects with CallTimeoutError once the timeout has passed', async () => {
  const started = Date.now();
  const error = await station.call('Heartbeat', {}, { timeoutMs: 100 }).catch((e: unknown) => e);
  const waited = Date.now() - started;
  expect(error).toBeInstanceOf(CallTimeoutError);
  expect(error).toMatchObject({ action: 'Heartbeat', timeoutMs: 100, code: 'OCPPCT_CALL_TIMEOUT' });
  expect(waited).toBeGreaterThanOrEqual(95);
  expect(waited).toBeLessThan(1_000);
});

test('the connection closing during a call rejects it with ConnectionClosedError, and later calls too', async () => {
  csms.on('call', () => void csms.close(4000, 'going away'));
  const error = await station.call('Heartbeat', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionClosedError);
  expect(error).toMatchObject({ closeCode: 4000, closeReason: 'going away', code: 'OCPPCT_CONNECTION_CLOSED' });
  expect(station.isOpen).toBe(false);
  expect(station.closedWith).toEqual({ code: 4000, reason: 'going away' });
  await expect(station.call('Heartbeat', {})).rejects.toBeInstanceOf(ConnectionClosedError);
});

test('only one CALL is outstanding per direction: the second CALL is sent after the first is answered', async () => {
  answerCalls();
  const frames = framesOf(station);
  await Promise.all([station.call('BootNotification', BOOT), station.call('Heartbeat', {})]);
  expect(frames.map((f) => `${f.direction} ${f.messageType} ${f.action}`)).toEqual(['out 2 BootNotification', 'in 3 BootNotification', 'out 2 Heartbeat', 'in 3 Heartbeat']);
  expect(frames[0].messageId).toBe(frames[1].messageId);
  expect(frames[2].messageId).not.toBe(frames[0].messageId);
});

test('a failed call does not block the next one', async () => {
  answerCalls();
  await expect(station.call('BootNotification', { reason: 'Nope' } as unknown as BootNotificationRequest)).rejects.toThrow(/^harness bug: our BootNotification request breaks its schema: /);
  await expect(station.call('Heartbeat', {})).resolves.toEqual({ currentTime: ACCEPTED.currentTime });
});

test('an incoming CALL that breaks its schema is answered with CALLERROR FormatViolation and reported', async () => {
  const calls = jest.fn();
  csms.on('call', calls);
  const violation = nextViolation(csms);
  const broken = { ...BOOT, reason: 'Sunrise' } as unknown as BootNotificationRequest;
  const error = await station.call('BootNotification', broken, { unchecked: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CallErrorResponse);
  expect(error).toMatchObject({ code: 'FormatViolation' });
  expect((await violation).description).toMatch(/^BootNotification: \/reason: enum: /);
  expect(calls).not.toHaveBeenCalled();
});

test('an incoming CALL of an unknown action is answered with CALLERROR NotImplemented', async () => {
  const error = await station.call('Teleport' as 'Heartbeat', {}, { unchecked: true }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'NotImplemented', action: 'Teleport' });
});

test('garbage text is answered with CALLERROR RpcFrameworkError and message id "-1"', async () => {
  const frames = framesOf(station);
  const violation = nextViolation(csms);
  const answered = nextViolation(station); // the station cannot match the answer to a CALL of its own
  station.sendRaw('this is not OCPP-J');
  expect((await violation).description).toMatch(/not JSON/);
  await answered;
  const answer = frames.find((f) => f.direction === 'in');
  expect(JSON.parse(answer?.raw ?? '')).toEqual([4, '-1', 'RpcFrameworkError', expect.stringMatching(/not JSON/), {}]);
});

test('a CALLRESULT for an unknown message id is reported as a violation', async () => {
  const violation = nextViolation(csms);
  station.sendRaw('[3,"nobody-asked",{}]');
  expect((await violation).description).toBe('answer to message id nobody-asked, which is not our outstanding CALL');
});

test('a CALLRESULT that breaks the response schema rejects the call with SchemaViolationError and is reported', async () => {
  csms.on('call', (call: IncomingCall) => call.respond({ ...ACCEPTED, status: 'Maybe' } as unknown as BootNotificationResponse, { unchecked: true }));
  const violation = nextViolation(station);
  const error = await station.call('BootNotification', BOOT).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SchemaViolationError);
  expect(error).toMatchObject({ action: 'BootNotification', kind: 'response', problem: expect.stringMatching(/^\/status: enum: /) });
  expect((await violation).description).toMatch(/^BootNotification: \/status: enum: /);
});

test('a second CALL from the peer while its first is unanswered is reported', async () => {
  const calls: IncomingCall[] = [];
  csms.on('call', (call: IncomingCall) => calls.push(call));
  const violation = nextViolation(csms);
  station.sendRaw('[2,"first","Heartbeat",{}]');
  station.sendRaw('[2,"second","Heartbeat",{}]');
  expect((await violation).description).toBe('the peer sent CALL Heartbeat while its previous CALL was still unanswered');
  expect(calls.map((c) => c.messageId)).toEqual(['first', 'second']);
});

test('a CALL after the previous one was answered is no violation', async () => {
  const violations = jest.fn();
  csms.on('violation', violations);
  answerCalls();
  await station.call('Heartbeat', {});
  await station.call('Heartbeat', {});
  expect(violations).not.toHaveBeenCalled();
});

test('every frame in and out is emitted with its direction and raw text', async () => {
  answerCalls();
  const stationFrames = framesOf(station);
  const csmsFrames = framesOf(csms);
  await station.call('BootNotification', BOOT);
  expect(stationFrames.map((f) => f.direction)).toEqual(['out', 'in']);
  expect(csmsFrames.map((f) => f.direction)).toEqual(['in', 'out']);
  expect(csmsFrames.map((f) => f.raw)).toEqual(stationFrames.map((f) => f.raw));
  const [call, result] = stationFrames;
  expect(JSON.parse(call.raw)).toEqual([2, call.messageId, 'BootNotification', BOOT]);
  expect(JSON.parse(result.raw)).toEqual([3, call.messageId, ACCEPTED]);
  for (const frame of [...stationFrames, ...csmsFrames]) {
    expect(frame).toMatchObject({ messageId: call.messageId, action: 'BootNotification', at: expect.any(Date) });
    expect(frame.problem).toBeUndefined();
  }
});
