// Firmware signing checked by openssl: the harness's signatures verify with openssl dgst, openssl's verify with the harness, the signing certificate chains to the manufacturer root, and every bad variant is refused.
import { FIRMWARE_SIGNATURE_SALT_LENGTH, GeneratedPki, inspectFirmwareImage, makeSignedFirmware, signingCertificateProblem, verifyFirmware } from '../../src/pki';
import { Scratch, openssl } from './openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const pki = new GeneratedPki({ stationId: 'CS-FW-01', organization: 'FW CSO' });

describe.each(['rsa', 'ec'] as const)('%s', (algorithm) => {
  const images = makeSignedFirmware(pki, algorithm, 'FW-TEST-1');
  const pssOptions = algorithm === 'rsa' ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${FIRMWARE_SIGNATURE_SALT_LENGTH}`] : [];

  test('openssl verifies the signature of the good image with the public key of the signing certificate (SHA-256 over the whole file)', async () => {
    const good = (await images).good;
    const pub = openssl('x509', '-in', scratch.file('signing.pem', good.signingCertificate), '-noout', '-pubkey').output;
    const result = openssl('dgst', '-sha256', '-verify', scratch.file('pub.pem', pub), ...pssOptions, '-signature', scratch.file('image.sig', Buffer.from(good.signature, 'base64')), scratch.file('image.bin', good.image));
    expect(result.output).toMatch(/Verified OK/);
    expect(verifyFirmware(good.image, good.signature, good.signingCertificate)).toBe(true);
  });

  test('openssl refuses the bad-signature image, and so does the harness', async () => {
    const bad = (await images)['bad-signature'];
    const pub = openssl('x509', '-in', scratch.file('signing.pem', bad.signingCertificate), '-noout', '-pubkey').output;
    const result = openssl('dgst', '-sha256', '-verify', scratch.file('pub.pem', pub), ...pssOptions, '-signature', scratch.file('image.sig', Buffer.from(bad.signature, 'base64')), scratch.file('image.bin', bad.image));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Verification failure/);
    expect(verifyFirmware(bad.image, bad.signature, bad.signingCertificate)).toBe(false);
  });

  test("a signature openssl makes with the signing key verifies in the harness", async () => {
    const good = (await images).good;
    const signer = await pki.get('firmware-signing', algorithm);
    const dir = scratch.dir();
    const sig = openssl('dgst', '-sha256', '-sign', scratch.file('key.pem', signer.privateKeyPem), ...pssOptions, '-out', `${dir}/image.sig`, scratch.file('image.bin', good.image));
    expect(sig.ok).toBe(true);
    const signature = (await import('node:fs')).readFileSync(`${dir}/image.sig`).toString('base64');
    expect(verifyFirmware(good.image, signature, good.signingCertificate)).toBe(true);
    expect(verifyFirmware(Buffer.concat([good.image, Buffer.from('x')]), signature, good.signingCertificate)).toBe(false);
  });

  test('the signing certificate chains to the manufacturer root for openssl (digitalSignature, no CA) and the wrong-root one does not', async () => {
    const set = await images;
    const root = scratch.file('root.pem', (await pki.get('manufacturer-root-ca', algorithm)).certificatePem);
    expect(openssl('verify', '-CAfile', root, scratch.file('good.pem', set.good.signingCertificate)).ok).toBe(true);
    expect(openssl('x509', '-in', scratch.file('good.pem', set.good.signingCertificate), '-noout', '-ext', 'keyUsage,basicConstraints').output).toMatch(/Digital Signature[\s\S]*CA:FALSE|CA:FALSE[\s\S]*Digital Signature/);
    expect(openssl('verify', '-CAfile', root, scratch.file('wrong.pem', set['wrong-root'].signingCertificate)).ok).toBe(false);
    const manufacturerRoot = (await pki.get('manufacturer-root-ca', algorithm)).certificatePem;
    expect(await signingCertificateProblem(set.good.signingCertificate, [manufacturerRoot])).toBeUndefined();
    expect(await signingCertificateProblem(set['wrong-root'].signingCertificate, [manufacturerRoot])).toMatch(/no trusted root/);
    expect(await signingCertificateProblem(set.good.signingCertificate, [])).toMatch(/no ManufacturerRootCertificate/);
    // The wrong-root image itself is signed correctly by its own key: only its certificate is untrusted.
    expect(verifyFirmware(set['wrong-root'].image, set['wrong-root'].signature, set['wrong-root'].signingCertificate)).toBe(true);
  });
});

test('the install check accepts a good image and refuses the corrupt one, whose signature is nevertheless valid', async () => {
  const set = await makeSignedFirmware(pki, 'ec', 'FW-TEST-2');
  expect(inspectFirmwareImage(set.good.image)).toEqual({ ok: true, version: 'FW-TEST-2' });
  expect(verifyFirmware(set.corrupt.image, set.corrupt.signature, set.corrupt.signingCertificate)).toBe(true);
  expect(inspectFirmwareImage(set.corrupt.image)).toMatchObject({ ok: false });
  expect(inspectFirmwareImage(Buffer.from('not an image'))).toMatchObject({ ok: false });
});
