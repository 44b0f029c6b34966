/** The ISO 15118 side of the C07 cases: the harness's contract certificate chain, and its OCSP service (the OCTT OCSP service of Part 6). */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { AuthorizationStatusEnumType, AuthorizeCertificateStatusEnumType, IdTokenType, OCSPRequestDataType } from '../../../src/ocpp/generated/definitions';
import { certificateToPem, type Credential } from '../../../src/pki/certificates';
import * as der from '../../../src/pki/der';
import { certificateHashData, sameCertificate, serialHex, type CertificateHashData, type HashAlgorithm } from '../../../src/pki/hash-data';
import { generateKeyPair, signingAlgorithm } from '../../../src/pki/keys';
import { ocspResponse, ocspUnauthorized, type OcspCertStatus } from '../../../src/pki/ocsp';
import { x509, type X509Certificate } from '../../../src/pki/x509';
import { SecurityMaterial } from '../../../src/transport/profiles';

/** One certificate of the harness's contract chain, with the CA that issued it (which answers OCSP for it). */
interface ChainLink {
  readonly certificate: X509Certificate;
  readonly issuer: Credential;
  readonly hashData: CertificateHashData;
}

/** The harness's contract certificate (CN = `emaid`) and the MO sub-CAs above it, up to the MO root of the run's PKI. */
export interface ContractChain {
  /** Contract certificate first, then each sub-CA; without the root. */
  readonly links: readonly ChainLink[];
  /** The same, as PEM: what AuthorizeRequest.certificate carries. */
  readonly chainPem: string;
  readonly root: Credential;
}

const HASH_OIDS: Readonly<Record<HashAlgorithm, string>> = { SHA256: '2.16.840.1.101.3.4.2.1', SHA384: '2.16.840.1.101.3.4.2.2', SHA512: '2.16.840.1.101.3.4.2.3' };

/**
 * Issues a contract certificate for `emaid` under the MO sub-CA 2 of the run's PKI (generated, or read from
 * `security.pkiDir`), with `responderUrl` as its OCSP responder (authority information access).
 */
export async function contractChain(ctx: CsmsCaseContext, emaid: string, responderUrl: string): Promise<ContractChain> {
  const pki = new SecurityMaterial(ctx.config).pki;
  const [subCa2, subCa1, root] = await Promise.all([pki.get('mo-sub-ca-2', 'ec'), pki.get('mo-sub-ca-1', 'ec'), pki.get('mo-root-ca', 'ec')]);
  const keys = await generateKeyPair('ec');
  const publicKey = await x509.PublicKey.create(keys.publicKey);
  const contract = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '1'),
    subject: `CN=${emaid}, O=OCPP-CT MO`,
    issuer: subCa2.certificate.subjectName,
    notBefore: new Date(Date.now() - 3_600_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    publicKey,
    signingKey: subCa2.privateKey,
    signingAlgorithm: signingAlgorithm('ec'),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(subCa2.certificate.publicKey),
      new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', responderUrl)] }),
    ],
  });
  const link = (certificate: X509Certificate, issuer: Credential): ChainLink => ({
    certificate,
    issuer,
    hashData: certificateHashData(Buffer.from(certificate.rawData), Buffer.from(issuer.certificate.rawData)),
  });
  const links = [link(contract, subCa2), link(subCa2.certificate, subCa1), link(subCa1.certificate, root)];
  return { links, chainPem: links.map((l) => certificateToPem(l.certificate)).join(''), root };
}

/** The iso15118CertificateHashData of the chain: one entry per certificate, each naming the harness's OCSP service. */
export function chainHashData(chain: ContractChain, responderURL: string): OCSPRequestDataType[] {
  return chain.links.map(({ hashData }) => ({ ...hashData, responderURL }));
}

/** The CertIDs of a DER OCSPRequest. */
function requestedCertIds(request: Buffer): CertificateHashData[] {
  const tbsFields = der.children(der.children(der.readElement(request))[0]).filter((f) => f.tag === der.TAG.sequence);
  return der.children(tbsFields[0]).map((single) => {
    const [algorithm, nameHash, keyHash, serial] = der.children(der.children(single)[0]);
    const oid = der.children(algorithm)[0].encoded;
    const hashAlgorithm = (Object.keys(HASH_OIDS) as HashAlgorithm[]).find((h) => der.oid(HASH_OIDS[h]).equals(oid)) ?? 'SHA256';
    return { hashAlgorithm, issuerNameHash: nameHash.content.toString('hex'), issuerKeyHash: keyHash.content.toString('hex'), serialNumber: serialHex(serial.content) };
  });
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });

/** The harness's OCSP service (the OCTT OCSP service of Part 6): answers OCSP requests about a served contract chain and keeps what was asked. */
export class OcspService {
  /** The CertIDs the CSMS asked about, in order. */
  readonly asked: CertificateHashData[] = [];
  private served: { readonly chain: ContractChain; readonly status: OcspCertStatus } | undefined;
  private waiting: (() => void) | undefined;

  private constructor(
    private readonly server: Server,
    /** The responder URL to hand out. */
    readonly url: string,
  ) {}

  /** Starts the service at `configured.ocspResponder` (host, port; port 0 picks a free one). */
  static async start(ctx: CsmsCaseContext): Promise<OcspService> {
    const { host, port } = ctx.config.configured.ocspResponder;
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
    const service = new OcspService(server, `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}/`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void service.handle(request, response));
    return service;
  }

  /** From now on: `status` for the contract certificate of `chain`, good for its CAs, each signed by the certificate's issuer; unauthorized for anything else. */
  serve(chain: ContractChain, status: OcspCertStatus): void {
    this.served = { chain, status };
  }

  /** Waits until the CSMS asked about `certId` or `timeoutMs` passed; returns whether it did. */
  async askedAbout(certId: CertificateHashData, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.asked.some((a) => sameCertificate(a, certId))) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return true;
  }

  /** Stops the service. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Buffer;
    try {
      const body = request.method === 'GET' ? Buffer.from(decodeURIComponent((request.url ?? '/').slice(1)), 'base64') : await readBody(request);
      const [certId] = requestedCertIds(body);
      this.asked.push(certId);
      reply = this.answer(certId);
    } catch {
      reply = der.sequence(der.enumerated(1)); // malformedRequest
    }
    response.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(reply);
    this.waiting?.();
  }

  private answer(certId: CertificateHashData): Buffer {
    const links = this.served?.chain.links ?? [];
    const index = links.findIndex((l) => sameCertificate(l.hashData, certId));
    if (!this.served || index < 0) return ocspUnauthorized();
    return ocspResponse({ certId, certStatus: index === 0 ? this.served.status : { status: 'good' }, responder: links[index].issuer });
  }
}

/** What a C07 case sends and expects in its steps 1-4. */
export interface ContractAuthorization {
  readonly idToken: IdTokenType;
  /** hashData: iso15118CertificateHashData of the chain (TC_C_50/51); certificate: the chain as PEM, no hash data (TC_C_52). */
  readonly send: 'hashData' | 'certificate';
  /** What the harness's OCSP service says about the contract certificate. */
  readonly contractStatus: OcspCertStatus;
  readonly expectIdTokenStatus: AuthorizationStatusEnumType;
  readonly expectCertificateStatus: AuthorizeCertificateStatusEnumType;
}

/**
 * Steps 1-4 of the C07 cases: the harness sends an AuthorizeRequest with its contract data (1); the CSMS must ask the
 * harness's OCSP service about the contract certificate, which answers (2-3); then the CSMS answers (4). With the chain as
 * PEM, the CSMS is first asked through the driver to trust the MO root the chain ends at (the Part 6 prerequisite).
 */
export async function authorizeWithContract(ctx: CsmsCaseContext, a: ContractAuthorization): Promise<void> {
  const { step, check, station, config } = ctx;
  const ocsp = await OcspService.start(ctx);
  try {
    const chain = await contractChain(ctx, config.configured.emaid, ocsp.url);
    ocsp.serve(chain, a.contractStatus);
    if (a.send === 'certificate') {
      const root = chain.root.certificate;
      await step('Prerequisite: the CSMS trusts the MO root of the harness\'s contract certificate', () => ctx.perform({ kind: 'trustContractRoot', subject: root.subject, certificatePem: certificateToPem(root) }));
    }
    const contractData = a.send === 'hashData' ? { iso15118CertificateHashData: chainHashData(chain, ocsp.url) } : { certificate: chain.chainPem };
    const what = a.send === 'hashData' ? 'the hash data of its contract chain' : 'its contract chain as PEM (no hash data)';
    const { answer } = await step(`1. harness sends AuthorizeRequest for ${a.idToken.type} idToken ${a.idToken.idToken} with ${what}`, () => {
      const pending = station.call('Authorize', { idToken: a.idToken, ...contractData });
      pending.catch(() => undefined); // awaited in step 4
      return { answer: pending };
    });
    await step(`2-3. the CSMS asks the harness's OCSP service about the contract certificate; the service answers ${a.contractStatus.status}`, async () => {
      const asked = await ocsp.askedAbout(chain.links[0].hashData, config.timeouts.messageMs);
      const seen = ocsp.asked.length === 0 ? 'no OCSP request' : `${ocsp.asked.length} request(s), none about the contract certificate`;
      check.that('OCSP request of the CSMS (CertID)', asked, 'a request whose CertID names the contract certificate', asked ? 'received' : seen);
    });
    await step('4. the CSMS answers the AuthorizeRequest', async () => {
      const response = await answer;
      check.equal('AuthorizeResponse.idTokenInfo.status', response.idTokenInfo.status, a.expectIdTokenStatus);
      check.equal('AuthorizeResponse.certificateStatus', response.certificateStatus, a.expectCertificateStatus);
    });
  } finally {
    await ocsp.close();
  }
}
