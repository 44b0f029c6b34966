/** Issues X.509 certificates with the properties OCPP asks for (A00.FR.5xx): serial numbers, O and CN in the subject, key usage, no extended key usage. */
import { randomBytes } from 'node:crypto';
import { x509, type Extension, type JsonName, type KeyUsageFlags, type PublicKey, type X509Certificate } from './x509';
import { algorithmOf, generateKeyPair, privateKeyToPem, signingAlgorithm, type CryptoKey, type CryptoKeyPair, type KeyAlgorithm } from './keys';

/** A certificate with its private key and the issuers a peer needs to build its path. */
export interface Credential {
  /** Catalogue name (e.g. `csms-server`), or a free name for certificates made at run time. */
  readonly name: string;
  readonly algorithm: KeyAlgorithm;
  readonly certificate: X509Certificate;
  readonly certificatePem: string;
  readonly privateKey: CryptoKey;
  readonly privateKeyPem: string;
  /** The CA certificates between this certificate and its root, nearest first (empty for a root or a certificate issued by a root). */
  readonly intermediates: readonly X509Certificate[];
  /** The self-signed root of its hierarchy (the certificate itself for a root). */
  readonly root: X509Certificate;
}

/** Subject RDNs the harness sets. */
export interface SubjectFields {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly country?: string;
}

/**
 * What a certificate is for; it decides basic constraints and key usage:
 * - rootCa / subCa: CA, keyCertSign + cRLSign;
 * - endEntity: TLS server or client, SECC, contract, provisioning: digitalSignature plus keyEncipherment (RSA) or keyAgreement (EC);
 * - signing: firmware signing and OCSP responders: digitalSignature only.
 */
export type CertificateProfile = 'rootCa' | 'subCa' | 'endEntity' | 'signing';

/** Everything needed to issue one certificate. */
export interface IssueSpec {
  readonly name: string;
  readonly subject: SubjectFields;
  readonly profile: CertificateProfile;
  /** The issuing CA; absent for a self-signed certificate. */
  readonly issuer?: Credential;
  /** Algorithm of the new key pair (ignored when `keys` is given). */
  readonly algorithm?: KeyAlgorithm;
  /** An existing key pair to certify. */
  readonly keys?: CryptoKeyPair;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DNS names and IP addresses for subjectAltName (server certificates). */
  readonly hosts?: readonly string[];
  /** Key usage flags replacing the profile's (for deliberately wrong certificates). */
  readonly keyUsage?: KeyUsageFlags;
  /** Sub-CA path length constraint. */
  readonly pathLength?: number;
}

/** A certificate issued for a key someone else holds (a CSR's), with the issuers a peer needs to build its path. */
export interface IssuedCertificate {
  readonly certificate: X509Certificate;
  readonly certificatePem: string;
  readonly intermediates: readonly X509Certificate[];
}

const DAY_MS = 86_400_000;

/** `days` days after (or before, when negative) `from`. */
export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

/** A random positive 128-bit serial number in hex (A00.FR.508: every certificate has one). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** The subject as @peculiar/x509 JSON, in the usual C, O, OU, CN order. */
export function subjectName(subject: SubjectFields): JsonName {
  const rdns: JsonName = [];
  if (subject.country) rdns.push({ C: [subject.country] });
  if (subject.organization) rdns.push({ O: [subject.organization] });
  if (subject.organizationalUnit) rdns.push({ OU: [subject.organizationalUnit] });
  rdns.push({ CN: [subject.commonName] });
  return rdns;
}

function defaultKeyUsage(profile: CertificateProfile, algorithm: KeyAlgorithm): KeyUsageFlags {
  const F = x509.KeyUsageFlags;
  switch (profile) {
    case 'rootCa':
    case 'subCa':
      return F.keyCertSign | F.cRLSign;
    case 'signing':
      return F.digitalSignature;
    case 'endEntity':
      return F.digitalSignature | (algorithm === 'rsa' ? F.keyEncipherment : F.keyAgreement);
  }
}

const isIp = (host: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

/** True when the credential is the root of its hierarchy. */
export const isRoot = (credential: Pick<Credential, 'certificate' | 'root'>): boolean =>
  credential.root === credential.certificate || credential.root.serialNumber === credential.certificate.serialNumber && credential.root.subject === credential.certificate.subject;

/** The path above a certificate issued by `issuer`, nearest first, without the root. */
const pathBelow = (issuer: Credential | undefined): X509Certificate[] => (!issuer || isRoot(issuer) ? [] : [issuer.certificate, ...issuer.intermediates]);

/** Issues a certificate for `publicKey`, signed by the spec's issuer or by `selfKey` when there is none. */
async function createCertificate(spec: Omit<IssueSpec, 'keys' | 'algorithm'>, publicKey: PublicKey, selfKey?: CryptoKey): Promise<X509Certificate> {
  const algorithm = algorithmOf(await publicKey.export());
  const ca = spec.profile === 'rootCa' || spec.profile === 'subCa';
  const extensions: Extension[] = [
    new x509.BasicConstraintsExtension(ca, ca ? spec.pathLength : undefined, true),
    new x509.KeyUsagesExtension(spec.keyUsage ?? defaultKeyUsage(spec.profile, algorithm), true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (spec.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.certificate.publicKey));
  if (spec.hosts?.length) extensions.push(new x509.SubjectAlternativeNameExtension(spec.hosts.map((host) => ({ type: isIp(host) ? 'ip' : 'dns', value: host }))));
  const signer = spec.issuer?.privateKey ?? selfKey;
  if (!signer) throw new Error(`${spec.name}: a self-signed certificate needs its own private key`);
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: subjectName(spec.subject),
    issuer: spec.issuer ? spec.issuer.certificate.subjectName : subjectName(spec.subject),
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    publicKey,
    signingKey: signer,
    signingAlgorithm: signingAlgorithm(algorithmOf(signer)),
    extensions,
  });
}

/** PEM of one certificate, ending with a newline. */
export const certificateToPem = (certificate: X509Certificate): string => `${certificate.toString('pem')}\n`;

/** Issues a certificate with a key pair of its own (self-signed when the spec has no issuer). */
export async function issueCertificate(spec: IssueSpec): Promise<Credential> {
  const keys = spec.keys ?? (await generateKeyPair(spec.algorithm ?? 'ec'));
  const certificate = await createCertificate(spec, await x509.PublicKey.create(keys.publicKey), keys.privateKey);
  return {
    name: spec.name,
    algorithm: algorithmOf(keys.privateKey),
    certificate,
    certificatePem: certificateToPem(certificate),
    privateKey: keys.privateKey,
    privateKeyPem: await privateKeyToPem(keys.privateKey),
    intermediates: pathBelow(spec.issuer),
    root: spec.issuer ? spec.issuer.root : certificate,
  };
}

/** Issues a certificate for a public key whose private key stays elsewhere (a CSR's). */
export async function certifyPublicKey(spec: Omit<IssueSpec, 'keys' | 'algorithm'> & { readonly issuer: Credential }, publicKey: PublicKey): Promise<IssuedCertificate> {
  const certificate = await createCertificate(spec, publicKey);
  return { certificate, certificatePem: certificateToPem(certificate), intermediates: pathBelow(spec.issuer) };
}

/** The certificate followed by its intermediates, as PEM: what a TLS peer sends, and what CertificateSignedRequest carries. */
export function chainPem(credential: Pick<Credential, 'certificatePem' | 'intermediates'>): string {
  return credential.certificatePem + credential.intermediates.map(certificateToPem).join('');
}

/** Splits a PEM text holding one or more certificates into parsed certificates, in order. */
export function parseCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new x509.X509Certificate(block));
}
