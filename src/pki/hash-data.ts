/** CertificateHashData as OCPP defines it (Part 2 CertificateHashDataType): hashes of the issuer's DER name and public key, and the serial number in hex. */
import { createHash } from 'node:crypto';
import { children, readElement } from './der';
import { x509, type X509Certificate } from './x509';

/** HashAlgorithmEnumType. */
export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

/** CertificateHashDataType. */
export interface CertificateHashData {
  readonly hashAlgorithm: HashAlgorithm;
  /** Hex of the hash over the DER of the certificate's issuer Name. */
  readonly issuerNameHash: string;
  /** Hex of the hash over the issuer's subjectPublicKey BIT STRING value (no tag, length or unused-bits octet). */
  readonly issuerKeyHash: string;
  /** The serial number in hex, without "0x" and without leading zeroes. */
  readonly serialNumber: string;
}

const NODE_HASH: Readonly<Record<HashAlgorithm, string>> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** The fields of a DER certificate OCPP hashes: issuer and subject Name (whole TLV), serial (INTEGER content) and subjectPublicKey (BIT STRING value). */
export function certificateParts(der: Buffer): { issuerName: Buffer; subjectName: Buffer; serial: Buffer; subjectPublicKey: Buffer } {
  const tbs = children(children(readElement(der))[0]);
  const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs; // [0] version is optional
  const [serial, , issuer, , subject, spki] = fields;
  const bitString = children(spki)[1];
  return { issuerName: issuer.encoded, subjectName: subject.encoded, serial: serial.content, subjectPublicKey: bitString.content.subarray(1) };
}

/** The issuerNameHash and issuerKeyHash that certificates issued by `issuer` carry: hashes of its subject Name and of its public key. */
export function issuerHashes(issuer: X509Certificate | string | Buffer, hashAlgorithm: HashAlgorithm = 'SHA256'): Pick<CertificateHashData, 'hashAlgorithm' | 'issuerNameHash' | 'issuerKeyHash'> {
  const parts = certificateParts(toDer(issuer));
  const hash = (data: Buffer) => createHash(NODE_HASH[hashAlgorithm]).update(data).digest('hex');
  return { hashAlgorithm, issuerNameHash: hash(parts.subjectName), issuerKeyHash: hash(parts.subjectPublicKey) };
}

const toDer = (certificate: X509Certificate | string | Buffer): Buffer =>
  Buffer.isBuffer(certificate) ? certificate : Buffer.from((typeof certificate === 'string' ? new x509.X509Certificate(certificate) : certificate).rawData);

/** The serial number as OCPP writes it: lower-case hex, no leading zeroes ("0" for zero). */
export function serialHex(serial: Buffer): string {
  return serial.toString('hex').replace(/^0+/, '') || '0';
}

/**
 * CertificateHashData of `certificate`, whose issuer is `issuer` (the certificate itself for a root).
 * Hashes are lower-case hex.
 */
export function certificateHashData(certificate: X509Certificate | string | Buffer, issuer: X509Certificate | string | Buffer, hashAlgorithm: HashAlgorithm = 'SHA256'): CertificateHashData {
  const own = certificateParts(toDer(certificate));
  const issuerParts = certificateParts(toDer(issuer));
  const hash = (data: Buffer) => createHash(NODE_HASH[hashAlgorithm]).update(data).digest('hex');
  return { hashAlgorithm, issuerNameHash: hash(own.issuerName), issuerKeyHash: hash(issuerParts.subjectPublicKey), serialNumber: serialHex(own.serial) };
}

/** True when two CertificateHashData name the same certificate: same algorithm, hashes equal ignoring case, serials equal ignoring case and leading zeroes. */
export function sameCertificate(a: CertificateHashData, b: CertificateHashData): boolean {
  const serial = (s: string) => s.toLowerCase().replace(/^0x/, '').replace(/^0+/, '') || '0';
  return a.hashAlgorithm === b.hashAlgorithm && a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() && a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() && serial(a.serialNumber) === serial(b.serialNumber);
}
