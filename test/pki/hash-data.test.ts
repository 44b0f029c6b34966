// CertificateHashData compared with what openssl puts into an OCSP request's CertID for the same certificate and issuer.
import { GeneratedPki, certificateHashData, sameCertificate, serialHex, type HashAlgorithm } from '../../src/pki';
import { Scratch, openssl } from './openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const pki = new GeneratedPki({ stationId: 'CS-HASH-01', organization: 'Hash CSO' });

/** The CertID openssl computes for `certificate` issued by `issuer`, from the text of an OCSP request. */
function opensslCertId(certificatePem: string, issuerPem: string, hash: HashAlgorithm): { issuerNameHash: string; issuerKeyHash: string; serialNumber: string } {
  const request = scratch.file('req.der', '');
  const made = openssl('ocsp', '-issuer', scratch.file('issuer.pem', issuerPem), `-${hash.toLowerCase()}`, '-cert', scratch.file('cert.pem', certificatePem), '-no_nonce', '-reqout', request);
  expect(made.ok).toBe(true);
  const text = openssl('ocsp', '-reqin', request, '-req_text').output;
  // Long values wrap onto the next line after a backslash; the value ends where the next "Label:" line starts.
  const field = (label: string) => (new RegExp(`${label}: ([0-9A-F\\\\\\s]+?)\\n\\s*[A-Z][a-z]`).exec(`${text}\nEnd`) ?? [])[1]?.replace(/[\\\s]+/g, '').toLowerCase();
  return { issuerNameHash: field('Issuer Name Hash'), issuerKeyHash: field('Issuer Key Hash'), serialNumber: field('Serial Number').replace(/^0+/, '') };
}

describe.each([
  ['station', 'csms-root-ca', 'rsa'],
  ['station', 'csms-root-ca', 'ec'],
  ['secc', 'v2g-sub-ca-2', 'ec'],
  ['csms-root-ca', 'csms-root-ca', 'rsa'],
] as const)('%s issued by %s (%s)', (name, issuerName, algorithm) => {
  test.each(['SHA256', 'SHA384', 'SHA512'] as const)('%s hashes equal openssl CertID', async (hash) => {
    const certificate = await pki.get(name, algorithm);
    const issuer = await pki.get(issuerName, algorithm);
    const ours = certificateHashData(certificate.certificatePem, issuer.certificatePem, hash);
    expect(ours).toEqual({ hashAlgorithm: hash, ...opensslCertId(certificate.certificatePem, issuer.certificatePem, hash) });
    expect(ours.issuerNameHash).toMatch(/^[0-9a-f]+$/);
    expect(ours.issuerNameHash).toHaveLength({ SHA256: 64, SHA384: 96, SHA512: 128 }[hash]);
  });
});

test('the issuer name hash is over the DER issuer name, as openssl asn1parse extracts it', async () => {
  const certificate = await pki.get('station', 'ec');
  const file = scratch.file('cert.pem', certificate.certificatePem);
  // The tbsCertificate's 4th element (after version, serial and signature algorithm) is the issuer Name.
  const structure = openssl('asn1parse', '-in', file).output.split('\n');
  const issuerLine = structure.filter((line) => /^\s*\d+:d=2 .* cons: SEQUENCE/.test(line))[1];
  const offset = /^\s*(\d+):/.exec(issuerLine)?.[1] as string;
  const der = scratch.file('issuer.der', '');
  expect(openssl('asn1parse', '-in', file, '-strparse', offset, '-noout', '-out', der).ok).toBe(true);
  const digest = openssl('dgst', '-sha256', '-r', der).output.split(' ')[0];
  expect(certificateHashData(certificate.certificatePem, (await pki.get('csms-root-ca', 'ec')).certificatePem).issuerNameHash).toBe(digest);
});

test('serial numbers are hex without leading zeroes', () => {
  expect(serialHex(Buffer.from([0x00, 0x0a, 0xbc]))).toBe('abc');
  expect(serialHex(Buffer.from([0x00]))).toBe('0');
});

test('sameCertificate ignores case and leading zeroes, not the algorithm', () => {
  const a = { hashAlgorithm: 'SHA256' as const, issuerNameHash: 'ab', issuerKeyHash: 'cd', serialNumber: '0a1' };
  expect(sameCertificate(a, { ...a, issuerNameHash: 'AB', serialNumber: 'A1' })).toBe(true);
  expect(sameCertificate(a, { ...a, hashAlgorithm: 'SHA384' })).toBe(false);
  expect(sameCertificate(a, { ...a, serialNumber: 'a2' })).toBe(false);
});
