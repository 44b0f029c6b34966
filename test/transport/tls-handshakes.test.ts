// The security-profile handshake matrix: profiles 2 (RSA and EC) and 3 succeed, and each refused handshake says why (no client certificate, expired, wrong CN, unknown issuer, TLS 1.1, bad server certificates).
import type { OcppConnection } from '../../src/ocpp/connection';
import { GeneratedPki, chainPem, type CredentialName, type KeyAlgorithm } from '../../src/pki';
import { ConnectError, connectOcpp } from '../../src/transport/client';
import { OCPP_CIPHER_SUITES, type TlsHandshake, type TlsOptions } from '../../src/transport/security';
import type { OcppServer, Refusal, StationConnectionInfo } from '../../src/transport/server';
import { WAIT_MS, listen, nextEvent } from './helpers';

const STATION = 'CS-TLS-01';
const PASSWORD = 'tls-password-0001';
const pki = new GeneratedPki({ stationId: STATION, organization: 'TLS CSO' });
const servers: OcppServer[] = [];
const connections: OcppConnection[] = [];

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The harness's CSMS TLS material: an RSA and an EC server certificate, trusting both CSMS roots for client certificates. */
async function serverTls(profile: 2 | 3, serverCertificate: CredentialName = 'csms-server'): Promise<TlsOptions> {
  const credentials = await Promise.all((['rsa', 'ec'] as const).map((a) => pki.get(serverCertificate, a)));
  const roots = await Promise.all((['rsa', 'ec'] as const).map((a) => pki.get('csms-root-ca', a)));
  return { key: credentials.map((c) => c.privateKeyPem), cert: credentials.map(chainPem), ca: roots.map((r) => r.certificatePem), requestClientCertificate: profile === 3 };
}

/** Station-side TLS: trusts both CSMS roots; presents `clientCertificate` when given. */
async function clientTls(extra: Partial<TlsOptions> = {}, clientCertificate?: CredentialName, algorithm: KeyAlgorithm = 'ec'): Promise<TlsOptions> {
  const roots = await Promise.all((['rsa', 'ec'] as const).map((a) => pki.get('csms-root-ca', a)));
  const client = clientCertificate ? await pki.get(clientCertificate, algorithm) : undefined;
  return { ca: roots.map((r) => r.certificatePem), ...(client ? { key: client.privateKeyPem, cert: chainPem(client) } : {}), ...extra };
}

async function start(tls: TlsOptions): Promise<OcppServer> {
  const server = await listen({ tls, authenticate: (id, credentials) => (credentials?.user === id && credentials.password === PASSWORD ? undefined : 'wrong user or password') });
  servers.push(server);
  return server;
}

/** Connects and returns what both ends saw: the server's handshake record, the client's, and the accepted connection or the error. */
async function attempt(server: OcppServer, tls: TlsOptions, password: string | undefined = PASSWORD) {
  const serverSide = nextEvent<[TlsHandshake]>(server, 'tls');
  let clientSide: TlsHandshake | undefined;
  let accepted: StationConnectionInfo | undefined;
  server.once('connection', (_connection: OcppConnection, info: StationConnectionInfo) => (accepted = info));
  const result = await connectOcpp({ csmsUrl: server.baseUrl, stationId: STATION, password, tls, connectTimeoutMs: WAIT_MS, callTimeoutMs: WAIT_MS, onTls: (h) => (clientSide = h) }).then(
    (connection) => (connections.push(connection), connection),
    (error: unknown) => error as ConnectError,
  );
  return { server: (await serverSide)[0], client: clientSide, result, accepted: () => accepted };
}

describe('security profile 2 (TLS with Basic auth)', () => {
  test.each([
    ['RSA', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'RSA 2048'],
    ['RSA', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'RSA 2048'],
    ['EC', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'EC prime256v1'],
    ['EC', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'EC prime256v1'],
  ] as const)('%s: TLS 1.2 with %s serves the matching server certificate', async (_alg, suite, key) => {
    const server = await start(await serverTls(2));
    const { server: seen, client, result, accepted } = await attempt(server, await clientTls({ maxVersion: 'TLSv1.2', ciphers: OCPP_CIPHER_SUITES[suite] }));
    expect(result).not.toBeInstanceOf(ConnectError);
    expect(seen).toMatchObject({ ok: true, side: 'server', protocol: 'TLSv1.2', cipher: { standardName: suite }, peerChain: [] });
    expect(client).toMatchObject({ ok: true, side: 'client', protocol: 'TLSv1.2', cipher: { standardName: suite } });
    expect(client?.peerChain[0]).toMatchObject({ commonName: 'localhost', key });
    expect(accepted()).toMatchObject({ stationId: STATION, password: PASSWORD, tls: { ok: true } });
  });

  test('TLS 1.3 by default; the ClientHello offers TLS 1.3 and 1.2 with every OCPP suite', async () => {
    const server = await start(await serverTls(2));
    const { server: seen } = await attempt(server, await clientTls());
    expect(seen.protocol).toBe('TLSv1.3');
    expect(seen.clientHello?.versions).toEqual(['TLSv1.3', 'TLSv1.2']);
    expect(seen.clientHello?.cipherSuites).toEqual(expect.arrayContaining(Object.keys(OCPP_CIPHER_SUITES)));
    expect(seen.clientHello?.serverName).toBeUndefined(); // an IP address carries no SNI
  });

  test('Basic auth is still checked: a wrong password is refused with 401 after a good handshake', async () => {
    const server = await start(await serverTls(2));
    const refused = nextEvent<[string, Refusal]>(server, 'refused');
    const { server: seen, result } = await attempt(server, await clientTls(), 'not-the-password-01');
    expect(seen.ok).toBe(true);
    expect((result as ConnectError).httpStatus).toBe(401);
    expect((await refused)[1].reason).toBe('wrong user or password');
  });
});

describe('security profile 3 (client certificates)', () => {
  test.each(['rsa', 'ec'] as const)('a %s station certificate with CN = station id is accepted, and its chain recorded', async (algorithm) => {
    const server = await start(await serverTls(3));
    const { server: seen, result } = await attempt(server, await clientTls({}, 'station', algorithm));
    expect(result).not.toBeInstanceOf(ConnectError);
    expect(seen.ok).toBe(true);
    expect(seen.peerChain[0]).toMatchObject({ commonName: STATION, organization: 'TLS CSO', key: algorithm === 'rsa' ? 'RSA 2048' : 'EC prime256v1' });
  });

  test.each([
    ['no client certificate', undefined, 'no client certificate'],
    ['an expired certificate', 'station-expired', 'expired'],
    ['a certificate not yet valid', 'station-not-yet-valid', 'not yet valid'],
    ['a certificate from an unknown issuer', 'station-unknown-issuer', 'unknown CA'],
    ['a self-signed certificate', 'station-self-signed', 'self-signed'],
  ] as const)('refuses %s in the TLS layer: %s', async (_name, certificate, kind) => {
    const server = await start(await serverTls(3));
    const { server: seen, result } = await attempt(server, await clientTls({}, certificate));
    expect(seen).toMatchObject({ ok: false, failure: { kind } });
    expect(result).toBeInstanceOf(ConnectError);
  });

  test('refuses a certificate whose CN is not the station id at the upgrade, saying so', async () => {
    const server = await start(await serverTls(3));
    const refused = nextEvent<[string, Refusal]>(server, 'refused');
    const { server: seen, result } = await attempt(server, await clientTls({}, 'station-wrong-cn'));
    expect(seen.ok).toBe(true);
    expect((result as ConnectError).httpStatus).toBe(401);
    expect((await refused)[1].reason).toBe(`client certificate CN "${STATION}-WRONG" is not the station id "${STATION}" (CN mismatch)`);
  });
});

describe('TLS versions below 1.2', () => {
  test('a station offering only TLS 1.1 is refused, both ends naming the protocol version', async () => {
    const server = await start(await serverTls(2));
    const { server: seen, client, result } = await attempt(server, await clientTls({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }));
    expect(seen).toMatchObject({ ok: false, failure: { kind: 'protocol version' }, clientHello: { versions: ['TLSv1.1'] } });
    expect(client).toMatchObject({ ok: false, failure: { kind: 'protocol version' } });
    expect((result as ConnectError).message).toMatch(/TLS: protocol version/);
  });

  test('a CSMS answering with TLS 1.1 only is refused by the station', async () => {
    const server = await start(await serverTls(2));
    server.useTls({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const { client, result } = await attempt(server, await clientTls());
    expect(client).toMatchObject({ ok: false, failure: { kind: 'protocol version' } });
    expect(result).toBeInstanceOf(ConnectError);
  });
});

describe('invalid CSMS server certificates, judged by the station end', () => {
  test.each([
    ['csms-server-expired', 'expired'],
    ['csms-server-not-yet-valid', 'not yet valid'],
    ['csms-server-unknown-issuer', 'unknown CA'],
    ['csms-server-self-signed', 'self-signed'],
    ['csms-server-wrong-cn', 'CN mismatch'],
    ['csms-server-wrong-key-usage', 'wrong key usage'],
  ] as const)('%s: %s', async (certificate, kind) => {
    const server = await start(await serverTls(2, certificate));
    const { client, result } = await attempt(server, await clientTls());
    expect(client).toMatchObject({ ok: false, failure: { kind } });
    expect(client?.peerChain[0]?.commonName).toBe(certificate === 'csms-server-wrong-cn' ? 'wrong-host.invalid' : 'localhost');
    expect((result as ConnectError).message).toMatch(new RegExp(`TLS: ${kind}`));
  });

  test('useTls switches new connections back to the valid certificate', async () => {
    const server = await start(await serverTls(2, 'csms-server-expired'));
    expect((await attempt(server, await clientTls())).client?.ok).toBe(false);
    server.useTls(await serverTls(2));
    expect((await attempt(server, await clientTls())).client?.ok).toBe(true);
  });
});
