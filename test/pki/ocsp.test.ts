// OCSP answers for GetCertificateStatus, read and verified by `openssl ocsp`: the status, the CertID, and the responder's signature.
import { GeneratedPki, certificateHashData, ocspResponse, ocspUnauthorized, type OcspCertStatus } from '../../src/pki';
import { Scratch, openssl } from './openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const pki = new GeneratedPki({ stationId: 'CS-OCSP-01', organization: 'OCSP CSO' });

describe.each(['rsa', 'ec'] as const)('signed with %s', (algorithm) => {
  test.each([
    [{ status: 'good' }, /Cert Status: good/],
    [{ status: 'revoked', revokedAt: new Date('2026-01-02T03:04:05Z') }, /Cert Status: revoked\s+Revocation Time: Jan {2}2 03:04:05 2026 GMT/],
    [{ status: 'unknown' }, /Cert Status: unknown/],
  ] as [OcspCertStatus, RegExp][])('%j', async (certStatus, expected) => {
    const root = await pki.get('csms-root-ca', algorithm);
    const station = await pki.get('station', algorithm);
    const certId = certificateHashData(station.certificatePem, root.certificatePem, 'SHA256');
    const response = scratch.file('resp.der', ocspResponse({ certId, certStatus, responder: root, validForSeconds: 3600 }));
    const text = openssl('ocsp', '-respin', response, '-resp_text', '-noverify');
    expect(text.ok).toBe(true);
    expect(text.output).toMatch(/OCSP Response Status: successful \(0x0\)/);
    expect(text.output).toMatch(/Response Type: Basic OCSP Response/);
    expect(text.output).toMatch(expected);
    expect(text.output).toMatch(new RegExp(`Issuer Name Hash: ${certId.issuerNameHash}`, 'i'));
    expect(text.output).toMatch(/Next Update:/);
    // Signature and CertID checked against the issuer, trusting the root.
    const rootFile = scratch.file('root.pem', root.certificatePem);
    const verified = openssl('ocsp', '-respin', response, '-issuer', rootFile, '-sha256', '-cert', scratch.file('station.pem', station.certificatePem), '-CAfile', rootFile);
    expect(verified.output).toMatch(/Response verify OK/);
    expect(verified.output).toMatch(new RegExp(`station\\.pem: ${certStatus.status}`));
  });
});

test('a V2G certificate answered by its sub-CA verifies through the V2G path', async () => {
  const subCa = await pki.get('v2g-sub-ca-2', 'ec');
  const secc = await pki.get('secc', 'ec');
  const response = scratch.file('resp.der', ocspResponse({ certId: certificateHashData(secc.certificatePem, subCa.certificatePem, 'SHA256'), certStatus: { status: 'good' }, responder: subCa }));
  const verified = openssl(
    'ocsp', '-respin', response,
    '-issuer', scratch.file('sub2.pem', subCa.certificatePem),
    '-sha256',
    '-cert', scratch.file('secc.pem', secc.certificatePem),
    '-CAfile', scratch.file('root.pem', (await pki.get('v2g-root-ca', 'ec')).certificatePem),
    '-verify_other', scratch.file('sub1.pem', `${subCa.intermediates[0].toString('pem')}\n`),
  );
  expect(verified.output).toMatch(/Response verify OK/);
  expect(verified.output).toMatch(/secc\.pem: good/);
});

test('unauthorized is a bare OCSPResponse with status 6', () => {
  expect(openssl('ocsp', '-respin', scratch.file('resp.der', ocspUnauthorized()), '-resp_text', '-noverify').output).toMatch(/Responder Error: unauthorized \(6\)/);
});
