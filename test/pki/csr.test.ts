// CSR handling checked by openssl: the CSRs the harness makes verify, openssl's CSRs are signed into chains that verify, and a tampered CSR is refused.
import { GeneratedPki, createCsr, inspectCsr, signCsr, chainPem } from '../../src/pki';
import { Scratch, openssl } from './openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const pki = new GeneratedPki({ stationId: 'CS-CSR-01', organization: 'CSR CSO' });

describe.each(['rsa', 'ec'] as const)('%s', (algorithm) => {
  test('a CSR the harness makes is a PEM PKCS#10 request openssl verifies, with the subject asked for', async () => {
    const request = await createCsr({ commonName: 'CS-CSR-01', organization: 'CSR CSO', country: 'NL', organizationalUnit: 'Lab' }, algorithm);
    const file = scratch.file('station.csr', request.csrPem);
    const verified = openssl('req', '-in', file, '-verify', '-noout', '-subject');
    expect(verified.ok).toBe(true);
    expect(verified.output).toMatch(/verify OK/i);
    expect(verified.output).toMatch(/subject=C = NL, O = CSR CSO, OU = Lab, CN = CS-CSR-01/);
    expect(await inspectCsr(request.csrPem)).toMatchObject({ pem: true, signatureValid: true, commonName: 'CS-CSR-01', organization: 'CSR CSO', keyAlgorithm: algorithm, keyBits: algorithm === 'rsa' ? 2048 : 256 });
  });

  test("openssl's CSR is signed by the CSMS root into a certificate openssl verifies, keeping subject and key", async () => {
    const dir = scratch.dir();
    const newkey = algorithm === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    expect(openssl('req', '-new', ...newkey, '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/req.pem`, '-subj', '/O=CSR CSO/CN=CS-CSR-01').ok).toBe(true);
    const csrPem = openssl('req', '-in', `${dir}/req.pem`).output;
    const root = await pki.get('csms-root-ca', algorithm);
    const signed = await signCsr(csrPem, root);
    const leaf = scratch.file('leaf.pem', signed.chainPem);
    expect(openssl('verify', '-purpose', 'sslclient', '-CAfile', scratch.file('root.pem', root.certificatePem), leaf).ok).toBe(true);
    expect(openssl('x509', '-in', leaf, '-noout', '-subject').output).toBe('subject=O = CSR CSO, CN = CS-CSR-01\n');
    expect(openssl('x509', '-in', leaf, '-noout', '-pubkey').output).toBe(openssl('pkey', '-in', `${dir}/key.pem`, '-pubout').output);
    expect(signed.summary.commonName).toBe('CS-CSR-01');
  });
});

test('a CSR signed by a sub-CA comes back as leaf plus sub-CAs, which verify against the V2G root', async () => {
  const request = await createCsr({ commonName: 'CS-CSR-01', organization: 'CSR CSO' }, 'ec');
  const subCa = await pki.get('v2g-sub-ca-2', 'ec');
  const signed = await signCsr(request.csrPem, subCa);
  expect(signed.intermediates).toHaveLength(2);
  const [leaf, ...rest] = signed.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
  expect(rest.join('')).toBe(chainPem(subCa));
  const result = openssl('verify', '-CAfile', scratch.file('v2g.pem', (await pki.get('v2g-root-ca', 'ec')).certificatePem), '-untrusted', scratch.file('subs.pem', rest.join('')), scratch.file('leaf.pem', leaf as string));
  expect(result.ok).toBe(true);
});

test('a CSR whose signature does not verify is refused and reported', async () => {
  const request = await createCsr({ commonName: 'CS-CSR-01', organization: 'CSR CSO' }, 'ec');
  const body = request.csrPem.split('\n').slice(1, -2).join('');
  const der = Buffer.from(body, 'base64');
  der[der.length - 5] ^= 0xff; // inside the signature
  const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`;
  expect(openssl('req', '-in', scratch.file('bad.csr', tampered), '-verify', '-noout').output).toMatch(/verify failure/); // openssl 3.0 exits 0 here
  expect((await inspectCsr(tampered)).signatureValid).toBe(false);
  await expect(signCsr(tampered, await pki.get('csms-root-ca', 'ec'))).rejects.toThrow(/does not verify/);
});

test('text that is not a PEM CSR is reported, not thrown', async () => {
  expect(await inspectCsr('not a csr')).toMatchObject({ pem: false, signatureValid: false, keyAlgorithm: 'other' });
});
