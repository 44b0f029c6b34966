/** The ISO 15118 side of the C07 cases: the harness's contract certificate chain, and its OCSP service (the OCTT OCSP service of Part 6). */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { AuthorizationStatusEnumType, AuthorizeCertificateStatusEnumType, IdTokenType, OCSPRequestDataType } from '../../../src/ocpp/generated/definitions';
import { certificateToPem, type Credential } from '../../../src/pki/certificates';
import * as der from '../../../src/pki/der';
import { certificateHashData, certificateParts, serialHex, type CertificateHashData } from '../../../src/pki/hash-data';
import { generateKeyPair, signingAlgorithm } from '../../../src/pki/keys';
import { ocspResponse, ocspUnauthorized, type OcspCertStatus } from '../../../src/pki/ocsp';
import { x509, type X509Certificate } from '../../../src/pki/x509';
import { SecurityMaterial } from '../../../src/transport/profiles';
import { askCsms } from './operator';

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

/** The hash algorithms a CertID may use, by OID, as node:crypto names them: SHA-1 too, the usual choice of RFC 6960 clients. */
const CERT_ID_HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

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

/** One CertID of an OCSPRequest: its DER as sent, and its fields. */
interface RequestedCertId {
  readonly der: Buffer;
  /** The node:crypto name of its hash algorithm; undefined for one the harness does not know. */
  readonly hash: string | undefined;
  readonly issuerNameHash: Buffer;
  readonly issuerKeyHash: Buffer;
  readonly serialNumber: string;
}

/** The CertIDs of a DER OCSPRequest. */
function requestedCertIds(request: Buffer): RequestedCertId[] {
  const tbsFields = der.children(der.children(der.readElement(request))[0]).filter((f) => f.tag === der.TAG.sequence);
  return der.children(tbsFields[0]).map((single) => {
    const certId = der.children(single)[0];
    const [algorithm, nameHash, keyHash, serial] = der.children(certId);
    const oid = der.children(algorithm)[0].encoded;
    const hash = Object.entries(CERT_ID_HASHES).find(([dotted]) => der.oid(dotted).equals(oid))?.[1];
    return { der: certId.encoded, hash, issuerNameHash: nameHash.content, issuerKeyHash: keyHash.content, serialNumber: serialHex(serial.content) };
  });
}

/** True when `id` names the certificate of `link` (its hashes computed with the algorithm the CertID uses). */
function names(id: RequestedCertId, link: ChainLink): boolean {
  if (!id.hash) return false;
  const own = certificateParts(Buffer.from(link.certificate.rawData));
  const issuer = certificateParts(Buffer.from(link.issuer.certificate.rawData));
  const hash = (data: Buffer) => createHash(id.hash as string).update(data).digest();
  return hash(own.issuerName).equals(id.issuerNameHash) && hash(issuer.subjectPublicKey).equals(id.issuerKeyHash) && serialHex(own.serial) === id.serialNumber;
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });

/** The harness's OCSP service (the OCTT OCSP service of Part 6): answers OCSP requests about a served contract chain and keeps what was asked. */
export class OcspService {
  /** The CertIDs the CSMS asked about, in order (every CertID of every well-formed request). */
  readonly asked: RequestedCertId[] = [];
  /** How many HTTP requests reached the service, well-formed or not. */
  received = 0;
  private served: { readonly chain: ContractChain; readonly status: OcspCertStatus } | undefined;
  private waiting: (() => void) | undefined;
  private closed = false;

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

  /** True when the CSMS asked about the certificate of `link`. */
  hasAsked(link: ChainLink): boolean {
    return this.asked.some((id) => names(id, link));
  }

  /** Waits until the CSMS asked about the certificate of `link`, `timeoutMs` passed or the service closed; returns whether it did. */
  async askedAbout(link: ChainLink, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.hasAsked(link)) {
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) return false;
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

  /** Stops the service (and ends a pending `askedAbout`). */
  close(): Promise<void> {
    this.closed = true;
    this.waiting?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Buffer;
    this.received++;
    try {
      const body = request.method === 'GET' ? Buffer.from(decodeURIComponent((request.url ?? '/').slice(1)), 'base64') : await readBody(request);
      const certIds = requestedCertIds(body);
      if (certIds.length === 0) throw new Error('no CertID');
      this.asked.push(...certIds);
      // One request may name several certificates; the answer (signed by one issuer) is about the contract certificate when it is among them.
      const contract = this.served?.chain.links[0];
      reply = this.answer(certIds.find((id) => contract !== undefined && names(id, contract)) ?? certIds[0]);
    } catch {
      reply = der.sequence(der.enumerated(1)); // malformedRequest
    }
    response.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(reply);
    this.waiting?.();
  }

  private answer(id: RequestedCertId): Buffer {
    const links = this.served?.chain.links ?? [];
    const index = links.findIndex((link) => names(id, link));
    if (!this.served || index < 0) return ocspUnauthorized();
    const link = links[index];
    return ocspResponse({ certId: link.hashData, certIdDer: id.der, certStatus: index === 0 ? this.served.status : { status: 'good' }, responder: link.issuer });
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
 * Steps 1-4 of the C07 cases: the harness sends an AuthorizeRequest with its contract data (1); before it answers, the CSMS
 * must send the harness's OCSP service a request (step 2 validation) that is well-formed and names the contract certificate
 * (step 3 validation), which the service answers (2-3); then the CSMS answers (4). With the chain as PEM, the CSMS is first
 * asked through the driver to trust the MO root the chain ends at (the Part 6 prerequisite).
 */
export async function authorizeWithContract(ctx: CsmsCaseContext, a: ContractAuthorization): Promise<void> {
  const { step, check, station, config } = ctx;
  const ocsp = await OcspService.start(ctx);
  try {
    const chain = await contractChain(ctx, config.configured.emaid, ocsp.url);
    ocsp.serve(chain, a.contractStatus);
    if (a.send === 'certificate') {
      const root = chain.root.certificate;
      await step('Prerequisite: the CSMS trusts the MO root of the harness\'s contract certificate', () => askCsms(ctx, { kind: 'trustContractRoot', subject: root.subject, certificatePem: certificateToPem(root) }));
    }
    const contractData = a.send === 'hashData' ? { iso15118CertificateHashData: chainHashData(chain, ocsp.url) } : { certificate: chain.chainPem };
    const what = a.send === 'hashData' ? 'the hash data of its contract chain' : 'its contract chain as PEM (no hash data)';
    const contract = chain.links[0];
    /** What the OCSP service had received when the AuthorizeResponse came in (undefined while it has not). */
    let atAnswer: { readonly received: number; readonly aboutContract: boolean } | undefined;
    const { answer } = await step(`1. harness sends AuthorizeRequest for ${a.idToken.type} idToken ${a.idToken.idToken} with ${what}`, () => {
      const pending = station.call('Authorize', { idToken: a.idToken, ...contractData });
      pending.then(
        () => (atAnswer = { received: ocsp.received, aboutContract: ocsp.hasAsked(contract) }),
        () => undefined, // awaited in step 4
      );
      return { answer: pending };
    });
    await step(`2-3. the CSMS asks the harness's OCSP service about the contract certificate before it answers; the service answers ${a.contractStatus.status}`, async () => {
      // Until the CSMS asks about the contract certificate, or answers the AuthorizeRequest without having asked.
      await Promise.race([ocsp.askedAbout(contract, config.timeouts.messageMs), answer.then(() => undefined, () => undefined)]);
      const received = atAnswer?.received ?? ocsp.received;
      const aboutContract = atAnswer?.aboutContract ?? ocsp.hasAsked(contract);
      const when = atAnswer ? 'before the AuthorizeResponse' : 'so far (no AuthorizeResponse yet)';
      check.that('OCSP request of the CSMS, before its AuthorizeResponse', received > 0, 'at least one request at the responder URL', `${received} request(s) ${when}`);
      const valid = ocsp.asked.length;
      check.that('OCSP request of the CSMS is valid (CertID of the contract certificate)', aboutContract, 'a well-formed OCSPRequest whose CertID names the contract certificate', aboutContract ? 'received' : `${valid} CertID(s) in well-formed requests, none naming the contract certificate ${when}`);
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
