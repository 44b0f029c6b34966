/** Certificate path checks a station makes on a CertificateSignedRequest (A02.FR.06) and the harness makes on what a CSMS signed: validity, signatures up to a trusted root. */
import { parseCertificates } from './certificates';
import { x509, type X509Certificate } from './x509';

/** Why a chain is not acceptable, or undefined when it is: every certificate valid at `now`, each signed by the next, the last by a trusted root. */
export async function chainProblem(chainPem: string, trustedRootsPem: readonly string[], now = new Date()): Promise<string | undefined> {
  const chain = parseCertificates(chainPem);
  if (chain.length === 0) return 'the certificate chain holds no PEM certificate';
  const roots = trustedRootsPem.flatMap(parseCertificates);
  for (const certificate of chain) {
    if (now < certificate.notBefore) return `${certificate.subject} is not valid before ${certificate.notBefore.toISOString()}`;
    if (now > certificate.notAfter) return `${certificate.subject} expired on ${certificate.notAfter.toISOString()}`;
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!(await signedBy(chain[i], chain[i + 1]))) return `${chain[i].subject} is not signed by the next certificate of the chain (${chain[i + 1].subject})`;
  }
  const top = chain[chain.length - 1];
  for (const root of roots) if (await signedBy(top, root)) return undefined;
  if (roots.some((root) => root.serialNumber === top.serialNumber && root.subject === top.subject)) return undefined;
  return `no trusted root signed ${top.subject} (issuer ${top.issuer})`;
}

/** True when `issuer` issued `certificate`: names match and the signature verifies with the issuer's key. */
export async function signedBy(certificate: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  if (certificate.issuer !== issuer.subject) return false;
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** True when the certificate certifies the same public key as `publicKeyDer` (SubjectPublicKeyInfo DER). */
export function certifiesKey(certificate: X509Certificate, publicKeyDer: ArrayBuffer | Buffer): boolean {
  return Buffer.from(certificate.publicKey.rawData).equals(Buffer.from(publicKeyDer as ArrayBuffer));
}

/** The SubjectPublicKeyInfo DER of a CSR's key. */
export function csrPublicKey(csrPem: string): Buffer {
  return Buffer.from(new x509.Pkcs10CertificateRequest(csrPem).publicKey.rawData);
}
