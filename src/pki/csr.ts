/** Certificate signing requests (A02/A03): making one as a station does, reading one as a CSMS must, and signing it into a certificate chain. */
import { createPublicKey, webcrypto } from 'node:crypto';
import { certifyPublicKey, chainPem, addDays, type Credential, type IssuedCertificate, type SubjectFields, subjectName } from './certificates';
import { summarize, type CertificateSummary } from './inspect';
import { generateKeyPair, privateKeyFromPem, privateKeyToPem, signingAlgorithm, type CryptoKeyPair, type KeyAlgorithm } from './keys';
import { x509, type PublicKey } from './x509';

/** A CSR together with the key pair it was made for (the private key never leaves the maker, A02.FR.05). */
export interface CertificateRequest {
  /** PEM, "BEGIN CERTIFICATE REQUEST" (RFC 2986, A02.FR.03). */
  readonly csrPem: string;
  readonly keys: CryptoKeyPair;
  readonly privateKeyPem: string;
  readonly algorithm: KeyAlgorithm;
}

/** Makes a new key pair and a CSR for `subject` signed with it. */
export async function createCsr(subject: SubjectFields, algorithm: KeyAlgorithm): Promise<CertificateRequest> {
  const keys = await generateKeyPair(algorithm);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: subjectName(subject), keys, signingAlgorithm: signingAlgorithm(algorithm) });
  return { csrPem: `${csr.toString('pem')}\n`, keys, privateKeyPem: await privateKeyToPem(keys.privateKey), algorithm };
}

/** Makes a CSR for `subject` with an existing private key (PEM); the public key is derived from it. */
export async function createCsrWithKey(subject: SubjectFields, privateKeyPem: string): Promise<CertificateRequest> {
  const { key: privateKey, algorithm } = await privateKeyFromPem(privateKeyPem);
  const spki = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
  const publicKey = await webcrypto.subtle.importKey('spki', spki, privateKey.algorithm, true, ['verify']);
  const keys = { privateKey, publicKey };
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: subjectName(subject), keys, signingAlgorithm: signingAlgorithm(algorithm) });
  return { csrPem: `${csr.toString('pem')}\n`, keys, privateKeyPem, algorithm };
}

/** What a CSMS (or the harness) can tell about a received CSR. */
export interface CsrFacts {
  /** The text is one PEM block labelled CERTIFICATE REQUEST. */
  readonly pem: boolean;
  /** The CSR parsed as a PKCS#10 request and its signature verifies with its own public key. */
  readonly signatureValid: boolean;
  readonly subject: string;
  readonly commonName?: string;
  readonly organization?: string;
  readonly keyAlgorithm: 'rsa' | 'ec' | 'other';
  readonly keyBits: number;
  /** Why the CSR could not be read, when it could not. */
  readonly problem?: string;
}

const PEM_CSR = /^\s*-----BEGIN CERTIFICATE REQUEST-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE REQUEST-----\s*$/;

/** Reads a CSR and reports its subject, key and whether its signature holds; never throws. */
export async function inspectCsr(text: string): Promise<CsrFacts> {
  const pem = PEM_CSR.test(text);
  try {
    const csr = new x509.Pkcs10CertificateRequest(text);
    const signatureValid = await csr.verify();
    const key = keyFacts(csr.publicKey);
    return { pem, signatureValid, subject: csr.subject, commonName: csr.subjectName.getField('CN')[0], organization: csr.subjectName.getField('O')[0], ...key };
  } catch (error) {
    return { pem, signatureValid: false, subject: '', keyAlgorithm: 'other', keyBits: 0, problem: (error as Error).message };
  }
}

function keyFacts(publicKey: PublicKey): Pick<CsrFacts, 'keyAlgorithm' | 'keyBits'> {
  const key = createPublicKey({ key: Buffer.from(publicKey.rawData), format: 'der', type: 'spki' });
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { keyAlgorithm: 'rsa', keyBits: details.modulusLength ?? 0 };
  if (key.asymmetricKeyType === 'ec') return { keyAlgorithm: 'ec', keyBits: Number(/(\d{3})/.exec(details.namedCurve ?? '')?.[1] ?? 0) };
  return { keyAlgorithm: 'other', keyBits: 0 };
}

/** How a CSR is turned into a certificate. */
export interface SignCsrOptions {
  /** Days the certificate lasts (365 when absent). */
  readonly days?: number;
  /** Start of validity (an hour ago when absent). */
  readonly notBefore?: Date;
  /** Replace the CSR's subject (e.g. to make a certificate with a wrong CN on purpose). */
  readonly subject?: SubjectFields;
}

/** A signed CSR: the certificate and the PEM chain a CertificateSignedRequest carries (leaf first, then intermediates). */
export interface SignedCsr extends IssuedCertificate {
  readonly chainPem: string;
  readonly summary: CertificateSummary;
}

/**
 * Signs a CSR with `issuer`, keeping the CSR's subject and public key.
 * @throws Error when the CSR cannot be parsed or its signature does not verify.
 */
export async function signCsr(csrPem: string, issuer: Credential, options: SignCsrOptions = {}): Promise<SignedCsr> {
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  if (!(await csr.verify())) throw new Error('the CSR signature does not verify with its own public key');
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000);
  const subject = options.subject ?? {
    commonName: csr.subjectName.getField('CN')[0] ?? '',
    organization: csr.subjectName.getField('O')[0],
    organizationalUnit: csr.subjectName.getField('OU')[0],
    country: csr.subjectName.getField('C')[0],
  };
  const issued = await certifyPublicKey({ name: subject.commonName, subject, profile: 'endEntity', issuer, notBefore, notAfter: addDays(notBefore, options.days ?? 365) }, csr.publicKey);
  return { ...issued, chainPem: chainPem(issued), summary: summarize(issued.certificatePem) };
}
