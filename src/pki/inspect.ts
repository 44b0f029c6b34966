/** Facts about a certificate a report or a check needs: subject, issuer, validity, fingerprint, key size, and the OCPP certificate properties. */
import { X509Certificate as NodeCertificate } from 'node:crypto';

/** One certificate, as evidence. */
export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly commonName?: string;
  readonly organization?: string;
  /** Hex, upper case, as OpenSSL prints it. */
  readonly serialNumber: string;
  /** ISO 8601. */
  readonly validFrom: string;
  readonly validTo: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint256: string;
  /** `RSA 2048`, `EC prime256v1`, … */
  readonly key: string;
  readonly keyAlgorithm: 'rsa' | 'ec' | 'other';
  /** RSA modulus length or EC field size, in bits. */
  readonly keyBits: number;
  readonly selfSigned: boolean;
}

const EC_CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, secp256k1: 256 };

/** The value of one RDN (e.g. `CN`) in a Node subject string (one `key=value` per line). */
export function rdn(subject: string, key: string): string | undefined {
  return subject.split('\n').find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1);
}

/** Summarises a certificate given as DER or PEM. */
export function summarize(certificate: Buffer | string): CertificateSummary {
  const node = new NodeCertificate(certificate);
  const details = node.publicKey.asymmetricKeyDetails ?? {};
  const type = node.publicKey.asymmetricKeyType;
  const keyAlgorithm = type === 'rsa' ? 'rsa' : type === 'ec' ? 'ec' : 'other';
  const keyBits = keyAlgorithm === 'rsa' ? (details.modulusLength ?? 0) : keyAlgorithm === 'ec' ? (EC_CURVE_BITS[details.namedCurve ?? ''] ?? 0) : 0;
  return {
    subject: node.subject.replace(/\n/g, ', '),
    issuer: node.issuer.replace(/\n/g, ', '),
    commonName: rdn(node.subject, 'CN'),
    organization: rdn(node.subject, 'O'),
    serialNumber: node.serialNumber.toUpperCase(),
    validFrom: new Date(node.validFrom).toISOString(),
    validTo: new Date(node.validTo).toISOString(),
    fingerprint256: node.fingerprint256,
    key: keyAlgorithm === 'rsa' ? `RSA ${keyBits}` : keyAlgorithm === 'ec' ? `EC ${details.namedCurve}` : String(type),
    keyAlgorithm,
    keyBits,
    selfSigned: node.subject === node.issuer && node.verify(node.publicKey),
  };
}

/** Whether a certificate is valid at `now`: `valid`, `expired` or `not yet valid`. */
export function validityState(summary: Pick<CertificateSummary, 'validFrom' | 'validTo'>, now = new Date()): 'valid' | 'expired' | 'not yet valid' {
  if (now < new Date(summary.validFrom)) return 'not yet valid';
  if (now > new Date(summary.validTo)) return 'expired';
  return 'valid';
}

/** One readable line: subject, issuer, validity and the start of the fingerprint. */
export function describeCertificate(summary: CertificateSummary): string {
  return `subject "${summary.subject}", issuer "${summary.issuer}", ${summary.key}, valid ${summary.validFrom.slice(0, 10)} to ${summary.validTo.slice(0, 10)}, SHA-256 ${summary.fingerprint256.slice(0, 23)}…`;
}

/**
 * The A00.FR.502/503 key-size rule: RSA (or DSA) keys at least 2048 bits, elliptic-curve keys at least 224 bits.
 * Returns what is wrong, or undefined when the key is long enough.
 */
export function keySizeProblem(summary: Pick<CertificateSummary, 'keyAlgorithm' | 'keyBits' | 'key'>, minimumEcBits = 224): string | undefined {
  if (summary.keyAlgorithm === 'rsa') return summary.keyBits >= 2048 ? undefined : `${summary.key}: RSA keys must be at least 2048 bits`;
  if (summary.keyAlgorithm === 'ec') return summary.keyBits >= minimumEcBits ? undefined : `${summary.key}: elliptic-curve keys must be at least ${minimumEcBits} bits`;
  return `${summary.key}: neither RSA nor elliptic curve`;
}
