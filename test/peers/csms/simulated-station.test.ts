// The harness station's background answers, seen from a scripted CSMS: schema-valid answers to what a CSMS sends, and what follows them (report parts, triggered messages, the reboot after a reset).
import { StationActor } from '../../../src/actors/station-actor';
import { simulatedStationAnswers } from '../../../src/actors/station-defaults';
import { nextEventId } from '../../../src/actors/ids';
import { REFERENCE_PRESET, resolveConfig } from '../../../src/engine/config';
import { schemaValidator } from '../../../src/ocpp/validator';
import { ScriptedCsms, type Payload, type ScriptedSession } from '../scripted-csms';

const config = resolveConfig(REFERENCE_PRESET, { station: { reconnectDelayMs: 200 } });
const validator = schemaValidator();

let csms: ScriptedCsms;
let station: StationActor;

beforeEach(async () => {
  csms = await ScriptedCsms.start();
  station = new StationActor({
    csmsUrl: csms.url,
    stationId: config.station.id,
    messageTimeoutMs: 2_000,
    connectTimeoutMs: 2_000,
    evses: config.station.evses,
    chargingStation: { model: 'M', vendorName: 'V' },
    defaultAnswer: simulatedStationAnswers(config),
  });
  await station.connect();
});

afterEach(async () => {
  await station.disconnect();
  await csms.close();
});

/** Sends a CALL to the harness station and checks that its answer is valid for the action's schema. */
async function ask(session: ScriptedSession, action: string, payload: Payload): Promise<Payload> {
  const answer = await session.call(action, payload);
  const outcome = validator.validate(action, 'response', answer);
  expect({ action, valid: outcome.valid }).toEqual({ action, valid: true });
  return answer;
}

/** The NotifyReport parts the station sent for `requestId`, in order. */
const partsOf = (session: ScriptedSession, requestId: number) => session.received.filter((c) => c.action === 'NotifyReport' && c.payload.requestId === requestId).map((c) => c.payload);

test('GetBaseReport is accepted, then the report follows in parts: seqNo from 0, tbc true but on the last, the same requestId', async () => {
  const session = csms.session;
  expect(await ask(session, 'GetBaseReport', { requestId: 11, reportBase: 'FullInventory' })).toEqual({ status: 'Accepted' });
  await session.waitFor('NotifyReport', (p) => p.requestId === 11 && p.tbc === false);
  const parts = partsOf(session, 11);
  expect(parts.length).toBeGreaterThan(1);
  expect(parts.map((p) => p.seqNo)).toEqual(parts.map((_, i) => i));
  expect(parts.map((p) => p.tbc)).toEqual(parts.map((_, i) => i < parts.length - 1));
  for (const part of parts) expect(validator.validate('NotifyReport', 'request', part).valid).toBe(true);
});

test('GetReport filters by componentVariable and criteria; nothing matching is EmptyResultSet', async () => {
  const session = csms.session;
  const wanted = { componentVariable: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] };
  expect(await ask(session, 'GetReport', { requestId: 12, ...wanted })).toEqual({ status: 'Accepted' });
  const part = await session.waitFor('NotifyReport', (p) => p.requestId === 12);
  expect((part.reportData as { component: { name: string }; variable: { name: string } }[]).map((d) => `${d.component.name}.${d.variable.name}`)).toEqual(['OCPPCommCtrlr.HeartbeatInterval']);
  expect(await ask(session, 'GetReport', { requestId: 13, componentVariable: [{ component: { name: 'NoSuchCtrlr' } }] })).toMatchObject({ status: 'EmptyResultSet' });
  const evse = [{ component: { name: 'EVSE', evse: { id: 1 } } }];
  expect(await ask(session, 'GetReport', { requestId: 14, componentCriteria: ['Problem'], componentVariable: evse })).toMatchObject({ status: 'EmptyResultSet' });
  expect(await ask(session, 'GetReport', { requestId: 15, componentCriteria: ['Available'], componentVariable: evse })).toEqual({ status: 'Accepted' });
  const parts = (await session.waitFor('NotifyReport', (p) => p.requestId === 15)).reportData as { component: { name: string; evse?: { id: number } } }[];
  expect(parts.every((d) => d.component.name === 'EVSE' && d.component.evse?.id === 1)).toBe(true);
});

test.each([
  ['Heartbeat', {}, 'Heartbeat'],
  ['StatusNotification', { evse: { id: 1, connectorId: 1 } }, 'StatusNotification'],
  ['MeterValues', { evse: { id: 1 } }, 'MeterValues'],
  ['FirmwareStatusNotification', {}, 'FirmwareStatusNotification'],
  ['LogStatusNotification', {}, 'LogStatusNotification'],
])('TriggerMessage %s is accepted and the message follows the answer', async (requestedMessage, extra, sent) => {
  const session = csms.session;
  expect(await ask(session, 'TriggerMessage', { requestedMessage, ...extra })).toEqual({ status: 'Accepted' });
  const payload = await session.waitFor(sent);
  expect(validator.validate(sent, 'request', payload).valid).toBe(true);
});

test('TriggerMessage: BootNotification once accepted is Rejected, an unknown EVSE is Rejected, certificate signing is NotImplemented', async () => {
  const session = csms.session;
  await station.boot('PowerUp');
  expect(await ask(session, 'TriggerMessage', { requestedMessage: 'BootNotification' })).toMatchObject({ status: 'Rejected' });
  expect(await ask(session, 'TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 9, connectorId: 1 } })).toMatchObject({ status: 'Rejected' });
  expect(await ask(session, 'TriggerMessage', { requestedMessage: 'SignChargingStationCertificate' })).toEqual({ status: 'NotImplemented' });
});

test('Reset is accepted; the station closes, comes back after station.reconnectDelayMs, boots with RemoteReset and reports its connectors', async () => {
  const first = csms.session;
  const askedAt = Date.now();
  expect(await ask(first, 'Reset', { type: 'Immediate' })).toEqual({ status: 'Accepted' });
  await new Promise<void>((resolve) => first.socket.once('close', () => resolve()));
  for (let waited = 0; csms.sessions.length < 2 && waited < 3_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(Date.now() - askedAt).toBeGreaterThanOrEqual(config.station.reconnectDelayMs);
  const second = csms.session;
  expect(second).not.toBe(first);
  expect((await second.waitFor('BootNotification')).reason).toBe('RemoteReset');
  await second.waitFor('NotifyEvent');
  expect(second.received.filter((c) => c.action === 'StatusNotification').length).toBe(config.station.evses.flatMap((e) => e.connectors).length);
  expect(station.isAccepted).toBe(true);
});

test('a station closed while it is away after a reset (the lane closes) does not come back', async () => {
  expect(await ask(csms.session, 'Reset', { type: 'OnIdle' })).toEqual({ status: 'Accepted' });
  await new Promise<void>((resolve) => csms.session.socket.once('close', () => resolve()));
  await station.disconnect();
  await new Promise((resolve) => setTimeout(resolve, config.station.reconnectDelayMs + 200));
  expect(csms.sessions.length).toBe(1);
});

test('ChangeAvailability Inoperative is accepted and, once the station is accepted, the connector reports Unavailable', async () => {
  const session = csms.session;
  await station.boot('PowerUp');
  expect(await ask(session, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } })).toEqual({ status: 'Accepted' });
  expect(await session.waitFor('StatusNotification')).toMatchObject({ evseId: 2, connectorId: 1, connectorStatus: 'Unavailable' });
});

test('before it is accepted, the station sends nothing it was not asked for (B02.FR.02): no StatusNotification after ChangeAvailability', async () => {
  const session = csms.session;
  expect(await ask(session, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } })).toEqual({ status: 'Accepted' });
  // A triggered Heartbeat goes out behind anything already queued: once it has come, nothing else was sent.
  await ask(session, 'TriggerMessage', { requestedMessage: 'Heartbeat' });
  await session.waitFor('Heartbeat');
  expect(session.received.map((c) => c.action)).toEqual(['Heartbeat']);
});

test.each<[string, Payload, Payload]>([
  ['GetVariables', { getVariableData: [{ component: { name: 'NoSuchCtrlr' }, variable: { name: 'X' } }] }, { getVariableResult: [expect.objectContaining({ attributeStatus: 'UnknownComponent' })] }],
  ['SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '77' }] }, { setVariableResult: [expect.objectContaining({ attributeStatus: 'Accepted' })] }],
  ['ClearCache', {}, { status: 'Accepted' }],
  ['GetLocalListVersion', {}, { versionNumber: config.configured.localListVersion }],
  ['SendLocalList', { versionNumber: config.configured.localListVersion + 5, updateType: 'Full' }, { status: 'Accepted' }],
  ['DataTransfer', { vendorId: 'com.example' }, { status: 'UnknownVendorId' }],
  ['GetInstalledCertificateIds', {}, { status: 'NotFound' }],
  ['GetTransactionStatus', {}, { messagesInQueue: false }],
  ['UnlockConnector', { evseId: 1, connectorId: 1 }, { status: 'Unlocked' }],
  ['SetVariableMonitoring', { setMonitoringData: [{ value: 1, type: 'Delta', severity: 5, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] }, { setMonitoringResult: [expect.objectContaining({ status: 'UnsupportedMonitorType' })] }],
  ['ClearVariableMonitoring', { id: [3] }, { clearMonitoringResult: [{ id: 3, status: 'NotFound' }] }],
  ['CustomerInformation', { requestId: 5, report: true, clear: false, customerIdentifier: 'c1' }, { status: 'Accepted' }],
  ['GetChargingProfiles', { requestId: 6, chargingProfile: { chargingProfilePurpose: 'TxProfile' } }, { status: 'NoProfiles' }],
])('%s gets a schema-valid default answer', async (action, payload, expected) => {
  expect(await ask(csms.session, action, payload)).toEqual(expected);
});

test('a SendLocalList is remembered: GetLocalListVersion reports its version', async () => {
  const session = csms.session;
  await ask(session, 'SendLocalList', { versionNumber: 321, updateType: 'Full' });
  expect(await ask(session, 'GetLocalListVersion', {})).toEqual({ versionNumber: 321 });
  expect(await ask(session, 'SendLocalList', { versionNumber: 300, updateType: 'Differential' })).toEqual({ status: 'VersionMismatch' });
});

test('eventIds only grow, and start from the clock (a later run starts above an earlier one)', () => {
  const ids = Array.from({ length: 50 }, () => nextEventId());
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  expect(ids[0]).toBeGreaterThanOrEqual(Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 100) - 1);
  expect(ids.at(-1)).toBeLessThan(2 ** 31);
});
