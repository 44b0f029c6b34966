// The generated PKI, checked by openssl: each hierarchy verifies, server and station certificates carry the OCPP properties, each bad certificate fails for its own reason.
import { CREDENTIAL_NAMES, GeneratedPki, KEY_ALGORITHMS, chainPem, existsFor, issueCertificate, summarize, keySizeProblem, type KeyAlgorithm } from '../../src/pki';
import { Scratch, openssl } from './openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

const pki = new GeneratedPki({ stationId: 'CS-PKI-01', organization: 'Test CSO', hosts: ['csms.example.test'] });

/** Writes a catalogue certificate (with its chain when it has one) and returns the file. */
async function pem(name: Parameters<typeof pki.get>[0], algorithm: KeyAlgorithm, withChain = false): Promise<string> {
  const credential = await pki.get(name, algorithm);
  return scratch.file(`${name}.pem`, withChain ? chainPem(credential) : credential.certificatePem);
}

describe.each(KEY_ALGORITHMS)('%s hierarchy', (algorithm) => {
  test('the CSMS server certificate verifies as a TLS server certificate for localhost, 127.0.0.1 and the configured host', async () => {
    const root = await pem('csms-root-ca', algorithm);
    const server = await pem('csms-server', algorithm);
    for (const host of ['localhost', 'csms.example.test']) expect(openssl('verify', '-purpose', 'sslserver', '-verify_hostname', host, '-CAfile', root, server)).toEqual({ ok: true, output: `${server}: OK\n` });
    expect(openssl('verify', '-purpose', 'sslserver', '-verify_ip', '127.0.0.1', '-CAfile', root, server).ok).toBe(true);
    const text = openssl('x509', '-in', server, '-noout', '-text').output;
    expect(text).toMatch(/Subject: O = Test CSO, CN = localhost/);
    expect(text).not.toMatch(/Extended Key Usage/); // A00.FR.514
  });

  test('the station certificate has CN = station id and O = organisation, and verifies as a TLS client certificate', async () => {
    const root = await pem('csms-root-ca', algorithm);
    const station = await pem('station', algorithm);
    expect(openssl('verify', '-purpose', 'sslclient', '-CAfile', root, station).ok).toBe(true);
    expect(openssl('x509', '-in', station, '-noout', '-subject', '-serial').output).toMatch(/^subject=O = Test CSO, CN = CS-PKI-01\nserial=[0-9A-F]+\n$/);
    const summary = summarize((await pki.get('station', algorithm)).certificatePem);
    expect(keySizeProblem(summary)).toBeUndefined();
    expect(summary.key).toBe(algorithm === 'rsa' ? 'RSA 2048' : 'EC prime256v1');
  });

  test('firmware signing chains to the manufacturer root', async () => {
    expect(openssl('verify', '-CAfile', await pem('manufacturer-root-ca', algorithm), await pem('firmware-signing', algorithm)).ok).toBe(true);
  });

  test.each([
    ['csms-server-expired', 'sslserver', /certificate has expired/],
    ['csms-server-not-yet-valid', 'sslserver', /certificate is not yet valid/],
    ['csms-server-self-signed', 'sslserver', /self-signed certificate/],
    ['csms-server-unknown-issuer', 'sslserver', /unable to get local issuer certificate/],
    ['csms-server-wrong-key-usage', 'sslserver', /unsuitable certificate purpose/],
    ['station-expired', 'sslclient', /certificate has expired/],
    ['station-not-yet-valid', 'sslclient', /certificate is not yet valid/],
    ['station-self-signed', 'sslclient', /self-signed certificate/],
    ['station-unknown-issuer', 'sslclient', /unable to get local issuer certificate/],
    ['station-wrong-key-usage', 'sslclient', /unsuitable certificate purpose/],
  ] as const)('%s fails verification: %s', async (name, purpose, reason) => {
    const result = openssl('verify', '-purpose', purpose, '-CAfile', await pem('csms-root-ca', algorithm), await pem(name, algorithm));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(reason);
  });

  test('the wrong-CN certificates are valid but name another host or station', async () => {
    const root = await pem('csms-root-ca', algorithm);
    const result = openssl('verify', '-purpose', 'sslserver', '-verify_hostname', 'localhost', '-CAfile', root, await pem('csms-server-wrong-cn', algorithm));
    expect(result.output).toMatch(/hostname mismatch/);
    expect(openssl('x509', '-noout', '-subject', '-in', await pem('station-wrong-cn', algorithm)).output).toMatch(/CN = CS-PKI-01-WRONG/);
  });
});

describe('ISO 15118 hierarchies (EC P-256 only)', () => {
  test.each([
    ['secc', 'v2g-root-ca'],
    ['contract', 'mo-root-ca'],
    ['oem-provisioning', 'oem-root-ca'],
  ] as const)('%s chains to %s through its sub-CAs', async (leaf, root) => {
    const credential = await pki.get(leaf, 'ec');
    const untrusted = credential.intermediates.length ? ['-untrusted', scratch.file('untrusted.pem', credential.intermediates.map((c) => `${c.toString('pem')}\n`).join(''))] : [];
    expect(openssl('verify', '-CAfile', await pem(root, 'ec'), ...untrusted, await pem(leaf, 'ec')).ok).toBe(true);
    expect(summarize(credential.certificatePem).key).toBe('EC prime256v1');
  });

  test('the V2G path is root, sub-CA 1, sub-CA 2, SECC', async () => {
    const secc = await pki.get('secc', 'ec');
    expect(secc.intermediates.map((c) => c.subjectName.getField('CN')[0])).toEqual(['OCPP-CT CPO Sub-CA 2', 'OCPP-CT CPO Sub-CA 1']);
    expect(secc.root.subjectName.getField('CN')[0]).toBe('OCPP-CT V2G Root CA');
  });

  test('exist for EC only', async () => {
    expect(CREDENTIAL_NAMES.filter((name) => !existsFor(name, 'rsa'))).toEqual(['v2g-root-ca', 'v2g-sub-ca-1', 'v2g-sub-ca-2', 'secc', 'mo-root-ca', 'mo-sub-ca-1', 'mo-sub-ca-2', 'contract', 'oem-root-ca', 'oem-provisioning']);
    await expect(pki.get('secc', 'rsa')).rejects.toThrow(/EC only/);
  });
});

test('a configured CA signs the station certificate instead of the CSMS root', async () => {
  const ca = await issueCertificate({ name: 'vendor-ca', subject: { commonName: 'Vendor CA', organization: 'Test CSO' }, profile: 'rootCa', algorithm: 'ec', notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000) });
  const withCa = new GeneratedPki({ stationId: 'CS-PKI-02', organization: 'Test CSO' }, { stationCa: ca });
  const station = await withCa.get('station', 'ec');
  expect(station.certificate.issuer).toBe(ca.certificate.subject);
  expect(openssl('verify', '-CAfile', scratch.file('ca.pem', ca.certificatePem), scratch.file('station.pem', station.certificatePem)).ok).toBe(true);
  expect((await withCa.get('station-unknown-issuer', 'ec')).certificate.issuer).toMatch(/Unknown Root CA/);
});

test('credentials are made once and shared', async () => {
  expect(await pki.get('csms-root-ca', 'ec')).toBe(await pki.get('csms-root-ca', 'ec'));
});
