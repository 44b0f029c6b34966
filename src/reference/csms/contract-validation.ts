/** ISO 15118 contract validation of the reference CSMS (use case C07): OCSP over HTTP for the hash data or the PEM chain an AuthorizeRequest carries. */
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { OcppRequests } from '../../ocpp/generated';
import type { AuthorizeCertificateStatusEnumType, OCSPRequestDataType } from '../../ocpp/generated/definitions';
import { parseCertificates } from '../../pki/certificates';
import * as der from '../../pki/der';
import { certificateHashData, certificateParts, serialHex, type CertificateHashData, type HashAlgorithm } from '../../pki/hash-data';
import { certIdDer } from '../../pki/ocsp';
import { chainProblem } from '../../pki/verify';
import { x509 } from '../../pki/x509';
import type { CsmsRuntime } from './feature';

/** What one OCSP responder said about one certificate. */
type OcspVerdict = 'good' | 'revoked' | 'unknown' | 'failed';

const NODE_HASH: Readonly<Record<HashAlgorithm, string>> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** Validates contract data: trusted roots come from the `trustContractRoot` driver action. */
export interface ContractValidator {
  trust(rootPem: string): void;
  /** The certificateStatus of the contract data of `request`, or undefined when it carries none. */
  status(request: OcppRequests['Authorize']): Promise<AuthorizeCertificateStatusEnumType | undefined>;
}

/** The contract validator of one reference CSMS. */
export function contractValidator(csms: CsmsRuntime): ContractValidator {
  const roots = new Set<string>();
  const ask = (request: OCSPRequestDataType): Promise<OcspVerdict> => askOcsp(csms, request).catch((error: Error) => {
    csms.log(`OCSP request to ${request.responderURL} failed: ${error.message}`);
    return 'failed' as const;
  });
  const fromHashData = async (entries: readonly OCSPRequestDataType[]): Promise<AuthorizeCertificateStatusEnumType> => {
    const verdicts: OcspVerdict[] = [];
    for (const entry of entries) verdicts.push(await ask(entry));
    if (verdicts.includes('revoked') && !csms.has('contract.ignoresRevocation')) return 'CertificateRevoked';
    return verdicts.every((v) => v === 'good' || (v === 'revoked' && csms.has('contract.ignoresRevocation'))) ? 'Accepted' : 'NoCertificateAvailable';
  };
  const fromChain = async (chainPem: string): Promise<AuthorizeCertificateStatusEnumType> => {
    if (csms.has('contract.ignoresPemChain')) return 'NoCertificateAvailable';
    const chain = parseCertificates(chainPem);
    const problem = chain.length < 2 ? 'the chain holds no issuer of the contract certificate' : await chainProblem(chainPem, [...roots]);
    if (problem) {
      csms.log(`contract chain refused: ${problem}`);
      return chain.some((c) => new Date() > c.notAfter) ? 'CertificateExpired' : 'CertChainError';
    }
    const responderURL = chain[0].getExtension(x509.AuthorityInfoAccessExtension)?.ocsp[0]?.value;
    if (!responderURL) return 'NoCertificateAvailable';
    const hashData = certificateHashData(Buffer.from(chain[0].rawData), Buffer.from(chain[1].rawData));
    // The fault hashes the issuer's whole SubjectPublicKeyInfo, not only its key (RFC 6960 asks for the key).
    const issuerKeyHash = csms.has('contract.wrongIssuerKeyHash') ? createHash('sha256').update(Buffer.from(chain[1].publicKey.rawData)).digest('hex') : hashData.issuerKeyHash;
    return fromHashData([{ ...hashData, issuerKeyHash, responderURL }]);
  };
  return {
    trust: (rootPem) => void roots.add(rootPem),
    async status(request) {
      const entries = request.iso15118CertificateHashData ?? [];
      if (!request.certificate && entries.length === 0) return undefined;
      if (csms.has('contract.noOcspCheck')) return 'Accepted';
      const check = request.certificate ? fromChain(request.certificate) : fromHashData(entries);
      if (!csms.has('contract.ocspAfterAnswer')) return check;
      check.then(
        (status) => csms.log(`contract checked after the answer: ${status}`),
        (error: Error) => csms.log(`contract check after the answer failed: ${error.message}`),
      );
      return 'Accepted';
    },
  };
}

/** Sends one OCSP request (RFC 6960, over HTTP POST) and reads the status of the certificate from a response it can verify. */
async function askOcsp(csms: CsmsRuntime, request: OCSPRequestDataType): Promise<OcspVerdict> {
  const certId: CertificateHashData = { hashAlgorithm: request.hashAlgorithm, issuerNameHash: request.issuerNameHash, issuerKeyHash: request.issuerKeyHash, serialNumber: request.serialNumber };
  const body = der.sequence(der.sequence(der.sequence(der.sequence(certIdDer(certId)))));
  const answer = await fetch(request.responderURL, {
    method: 'POST',
    headers: { 'content-type': 'application/ocsp-request' },
    body,
    signal: AbortSignal.timeout(csms.options.timeoutMs),
  });
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  return readOcspResponse(Buffer.from(await answer.arrayBuffer()), certId);
}

/** The status an OCSPResponse gives `certId`: only from a successful response signed by the key the CertID names as issuer's. */
function readOcspResponse(response: Buffer, certId: CertificateHashData): OcspVerdict {
  const [status, wrapped] = der.children(der.readElement(response));
  if (status.content[0] !== 0 || !wrapped) return 'failed';
  const [, basicOctets] = der.children(der.children(wrapped)[0]);
  const [tbs, , signature, certs] = der.children(der.readElement(basicOctets.content));
  if (!certs) return 'failed';
  const responderDer = der.children(der.children(certs)[0])[0].encoded;
  const keyHash = createHash(NODE_HASH[certId.hashAlgorithm]).update(certificateParts(responderDer).subjectPublicKey).digest('hex');
  if (keyHash !== certId.issuerKeyHash.toLowerCase()) return 'failed';
  const responderKey = createPublicKey({ key: Buffer.from(new x509.X509Certificate(responderDer).publicKey.rawData), format: 'der', type: 'spki' });
  if (!verify('sha256', tbs.encoded, { key: responderKey, dsaEncoding: 'der' }, signature.content.subarray(1))) return 'failed';
  const fields = der.children(tbs).filter((f) => f.tag !== 0xa0);
  for (const single of der.children(fields[2])) {
    const [id, certStatus] = der.children(single);
    const [, , , serial] = der.children(id);
    if (serialHex(serial.content) !== certId.serialNumber.toLowerCase().replace(/^0x/, '').replace(/^0+/, '')) continue;
    return certStatus.tag === 0x80 ? 'good' : certStatus.tag === 0xa1 ? 'revoked' : 'unknown';
  }
  return 'failed';
}
