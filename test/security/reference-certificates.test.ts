// Certificate management of the reference SUTs that no Block A case drives: InstallCertificate, GetInstalledCertificateIds and DeleteCertificate on the station, GetCertificateStatus (OCSP) on the CSMS.
import { EventEmitter } from 'node:events';
import type { IncomingCall, OcppConnection } from '../../src/ocpp/connection';
import { resolveConfig, REFERENCE_PRESET } from '../../src/engine/config';
import { certificateHashData } from '../../src/pki';
import { ReferenceCsms } from '../../src/reference/csms/csms';
import { ReferenceStation } from '../../src/reference/station/station';
import { connectOcpp } from '../../src/transport/client';
import { SecurityMaterial } from '../../src/transport/profiles';
import { Scratch, openssl } from '../pki/openssl';
import { WAIT_MS, listen, nextEvent } from '../transport/helpers';

const config = resolveConfig(REFERENCE_PRESET);
const material = new SecurityMaterial(config);
const scratch = new Scratch();
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
afterAll(() => scratch.cleanup());

/**
 * A reference station connected to a bare server; returns the server end of the connection it booted on, BootNotification
 * answered. Not simply the first connection: under load the station may give up on a handshake the server completed and
 * connect again, leaving that first connection dead.
 */
async function connectedStation(): Promise<OcppConnection> {
  const server = await listen();
  const station = new ReferenceStation({ csmsUrl: server.baseUrl, stationId: config.station.id, evses: config.station.evses, vendorName: 'V', model: 'M', timeoutMs: WAIT_MS, security: await material.referenceStation() });
  cleanups.push(() => station.stop(), () => server.close());
  const boots = new EventEmitter();
  server.on('connection', (connection: OcppConnection) =>
    connection.on('call', (call: IncomingCall) => {
      call.respond(call.action === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 } : {});
      if (call.action === 'BootNotification') boots.emit('boot', connection);
    }),
  );
  // The station sends its BootNotification once start() resolved, so listening from here misses nothing.
  await station.start();
  const [connection] = await nextEvent<[OcppConnection]>(boots, 'boot');
  return connection;
}

test('the reference station installs, lists by CertificateHashData, and deletes a root certificate', async () => {
  const connection = await connectedStation();
  const moRoot = await material.credential('mo-root-ca', 'ec');
  expect(await connection.call('InstallCertificate', { certificateType: 'MORootCertificate', certificate: moRoot.certificatePem })).toEqual({ status: 'Accepted' });
  const listed = await connection.call('GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] });
  const expected = certificateHashData(moRoot.certificatePem, moRoot.certificatePem);
  expect(listed).toEqual({ status: 'Accepted', certificateHashDataChain: [{ certificateType: 'MORootCertificate', certificateHashData: expected }] });
  expect(await connection.call('DeleteCertificate', { certificateHashData: expected })).toEqual({ status: 'Accepted' });
  expect(await connection.call('GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] })).toEqual({ status: 'NotFound' });
  expect(await connection.call('DeleteCertificate', { certificateHashData: expected })).toEqual({ status: 'NotFound' });
  const csmsRoots = await connection.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
  expect(csmsRoots.certificateHashDataChain).toHaveLength(2); // the RSA and the EC CSMS root of the run
});

test('the reference CSMS answers GetCertificateStatus with an OCSP response openssl verifies', async () => {
  const csms = await ReferenceCsms.start({ port: 0, path: '/ocpp', heartbeatInterval: 300, pendingInterval: 300, timeoutMs: WAIT_MS, security: { profile: 1, material } });
  cleanups.push(() => csms.stop());
  const connection = await connectOcpp({ csmsUrl: csms.url, stationId: 'CS-OCSP', connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS });
  cleanups.push(() => connection.close());
  await connection.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } });
  const [secc, subCa] = await Promise.all([material.credential('secc', 'ec'), material.credential('v2g-sub-ca-2', 'ec')]);
  const hashData = certificateHashData(secc.certificatePem, subCa.certificatePem);
  const response = await connection.call('GetCertificateStatus', { ocspRequestData: { ...hashData, responderURL: 'http://ocsp.invalid' } });
  expect(response.status).toBe('Accepted');
  const der = scratch.file('resp.der', Buffer.from(response.ocspResult as string, 'base64'));
  const verified = openssl('ocsp', '-respin', der, '-issuer', scratch.file('sub2.pem', subCa.certificatePem), '-sha256', '-cert', scratch.file('secc.pem', secc.certificatePem), '-CAfile', scratch.file('root.pem', (await material.credential('v2g-root-ca', 'ec')).certificatePem), '-verify_other', scratch.file('sub1.pem', `${subCa.intermediates[0].toString('pem')}\n`));
  expect(verified.output).toMatch(/Response verify OK/);
  expect(verified.output).toMatch(/secc\.pem: good/);
});
