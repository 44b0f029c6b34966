/** Firmware signing as L01 asks for it: a signing certificate under the manufacturer root, a signature over the whole image with SHA-256, its verification, and the set of images the firmware cases serve. */
import { constants, createHash, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { x509 } from './x509';
import { addDays, chainPem, issueCertificate, parseCertificates, type Credential } from './certificates';
import type { KeyAlgorithm } from './keys';
import type { Pki } from './pki';
import { chainProblem } from './verify';

/**
 * L01.FR.04 names RSA-PSS or ECSchnorr over SHA-256. RSA keys sign with RSASSA-PSS, SHA-256, MGF1-SHA-256 and a 32-byte
 * salt; EC keys (P-256) sign with ECDSA over SHA-256 (DER), the EC signature every X.509 tool verifies: there is no
 * standard encoding of "ECSchnorr" an independent tool could check.
 */
export const FIRMWARE_SIGNATURE_SALT_LENGTH = 32;

/** Signs `image` with the signing credential; returns the Base64 signature of UpdateFirmwareRequest.firmware.signature. */
export function signFirmware(image: Buffer, signer: Pick<Credential, 'privateKeyPem' | 'algorithm'>): string {
  const options = signer.algorithm === 'rsa' ? { key: signer.privateKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: FIRMWARE_SIGNATURE_SALT_LENGTH } : { key: signer.privateKeyPem, dsaEncoding: 'der' as const };
  return sign('sha256', image, options).toString('base64');
}

/** True when `signatureBase64` is a signature over the whole `image` by the key of `signingCertificatePem` (L01.FR.04, L01.FR.12). */
export function verifyFirmware(image: Buffer, signatureBase64: string, signingCertificatePem: string): boolean {
  const [certificate] = parseCertificates(signingCertificatePem);
  if (!certificate || !/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64.trim())) return false;
  const key = createPublicKey({ key: Buffer.from(certificate.publicKey.rawData), format: 'der', type: 'spki' });
  const signature = Buffer.from(signatureBase64, 'base64');
  try {
    return key.asymmetricKeyType === 'rsa'
      ? verify('sha256', image, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature)
      : verify('sha256', image, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/**
 * Why a firmware signing certificate is not acceptable (L01.FR.21/22), or undefined: it parses, allows digital
 * signatures, is valid now and chains to one of the installed ManufacturerRootCertificates.
 */
export async function signingCertificateProblem(signingCertificatePem: string, manufacturerRootsPem: readonly string[], now = new Date()): Promise<string | undefined> {
  const [leaf] = parseCertificates(signingCertificatePem);
  if (!leaf) return 'the signingCertificate holds no PEM certificate';
  const usage = leaf.getExtension(x509.KeyUsagesExtension);
  if (usage && (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) return 'the signingCertificate does not allow digital signatures';
  if (manufacturerRootsPem.length === 0) return 'no ManufacturerRootCertificate is installed';
  return chainProblem(signingCertificatePem, manufacturerRootsPem, now);
}

/** The header line an image of this harness starts with. */
const IMAGE_MAGIC = 'OCPP-CT FIRMWARE IMAGE';

/**
 * A firmware image as the harness makes them: a text header (magic, version, SHA-256 of the payload) and a payload. A
 * station that installs one checks the payload against the header (the "checksum or some other means" of L01.FR.29).
 */
export function makeFirmwareImage(version: string, payloadBytes = 64 * 1024, corrupt = false): Buffer {
  const payload = randomBytes(payloadBytes);
  const digest = createHash('sha256').update(payload).digest('hex');
  const stated = corrupt ? createHash('sha256').update(digest).digest('hex') : digest;
  return Buffer.concat([Buffer.from(`${IMAGE_MAGIC}\nversion: ${version}\nsha256: ${stated}\n\n`), payload]);
}

/** What installing an image finds: its version, or why it cannot be installed (InstallVerificationFailed). */
export function inspectFirmwareImage(image: Buffer): { ok: true; version: string } | { ok: false; problem: string } {
  const end = image.indexOf('\n\n');
  const header = end < 0 ? '' : image.subarray(0, end).toString('utf8');
  const [magic, versionLine, digestLine] = header.split('\n');
  if (magic !== IMAGE_MAGIC || !versionLine?.startsWith('version: ') || !digestLine?.startsWith('sha256: ')) return { ok: false, problem: 'not a firmware image for this station (header missing)' };
  const digest = createHash('sha256').update(image.subarray(end + 2)).digest('hex');
  if (digest !== digestLine.slice('sha256: '.length)) return { ok: false, problem: 'the payload does not match the checksum in the image header' };
  return { ok: true, version: versionLine.slice('version: '.length) };
}

/** The kinds of image the firmware server offers. */
export const FIRMWARE_VARIANTS = ['good', 'bad-signature', 'wrong-root', 'corrupt', 'slow'] as const;

/** One kind of image: `good`, correctly signed; `bad-signature`, a signature that does not match the bytes served; `wrong-root`, signed by a certificate of another root; `corrupt`, correctly signed but failing the install check; `slow`, a good image the server sends slowly. */
export type FirmwareVariant = (typeof FIRMWARE_VARIANTS)[number];

/** An image with what UpdateFirmwareRequest carries for it. */
export interface SignedFirmware {
  readonly variant: FirmwareVariant;
  readonly version: string;
  readonly image: Buffer;
  /** Base64 signature (firmware.signature). */
  readonly signature: string;
  /** PEM of the signing certificate (firmware.signingCertificate): the leaf and any sub-CAs. */
  readonly signingCertificate: string;
}

/** The signing credentials of a run: the catalogue's firmware-signing certificate (manufacturer root) and one under the unknown root. */
export async function firmwareSigners(pki: Pki, algorithm: KeyAlgorithm): Promise<{ trusted: Credential; wrongRoot: Credential }> {
  const trusted = await pki.get('firmware-signing', algorithm);
  const unknownRoot = await pki.get('unknown-root-ca', algorithm);
  const wrongRoot = await issueCertificate({
    name: 'firmware-signing-wrong-root',
    algorithm,
    subject: { commonName: 'OCPP-CT Firmware Signing (wrong root)', organization: 'OCPP-CT Untrusted' },
    profile: 'signing',
    issuer: unknownRoot,
    notBefore: new Date(Date.now() - 3_600_000),
    notAfter: addDays(new Date(), 365),
  });
  return { trusted, wrongRoot };
}

/** Makes every variant of image, signed as its variant says. */
export async function makeSignedFirmware(pki: Pki, algorithm: KeyAlgorithm, version = `OCPPCT-${Date.now().toString(36)}`): Promise<Record<FirmwareVariant, SignedFirmware>> {
  const { trusted, wrongRoot } = await firmwareSigners(pki, algorithm);
  const signed = (variant: FirmwareVariant, image: Buffer, signer: Credential, signedBytes = image): SignedFirmware => ({ variant, version, image, signature: signFirmware(signedBytes, signer), signingCertificate: chainPem(signer) });
  const good = makeFirmwareImage(version);
  const tampered = Buffer.from(good);
  tampered[tampered.length - 1] ^= 0xff;
  return {
    good: signed('good', good, trusted),
    // The signature is the good image's, the bytes served are not: verification must fail.
    'bad-signature': signed('bad-signature', tampered, trusted, good),
    'wrong-root': signed('wrong-root', good, wrongRoot),
    corrupt: signed('corrupt', makeFirmwareImage(version, undefined, true), trusted),
    slow: signed('slow', makeFirmwareImage(version, 256 * 1024), trusted),
  };
}
