/** Block M states of the CSMS cases: Reusable States CertificateInstalled and GetInstalledCertificates, the harness station's trust store and the delete of a certificate it reported. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { CertificateHashDataChainType, GetCertificateIdUseEnumType, InstallCertificateUseEnumType } from '../../../src/ocpp/generated/definitions';
import { certificateHashData, sameCertificate, type CredentialName, type HashAlgorithm } from '../../../src/pki';
import { csmsSendsAfter } from './operator';
import { materialOf } from './security';

/** The harness certificate of each root type (<The configured certificate of the specified certificateType>). */
const CONFIGURED: Readonly<Record<InstallCertificateUseEnumType, CredentialName>> = {
  CSMSRootCertificate: 'csms-root-ca-2',
  ManufacturerRootCertificate: 'manufacturer-root-ca',
  V2GRootCertificate: 'v2g-root-ca',
  MORootCertificate: 'mo-root-ca',
};

/** The PEM of the configured certificate of `type` (ISO 15118 roots are EC only). */
export async function configuredCertificate(ctx: CsmsCaseContext, type: InstallCertificateUseEnumType): Promise<string> {
  const algorithm = type === 'V2GRootCertificate' || type === 'MORootCertificate' ? 'ec' : ctx.config.security.keyAlgorithm;
  return (await materialOf(ctx).credential(CONFIGURED[type], algorithm)).certificatePem;
}

const samePem = (a: string | undefined, b: string): boolean => a?.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

/** A certificate the harness station holds, as it reports it. */
export interface HeldCertificate {
  readonly certificateType: GetCertificateIdUseEnumType;
  readonly pem: string;
  /** The issuer, for a certificate that is not a root (a V2G certificate chain). */
  readonly issuerPem?: string;
  /** The sub-CAs of a V2GCertificateChain, each with its issuer (childCertificateHashData, M03.FR.05). */
  readonly children?: readonly { readonly pem: string; readonly issuerPem: string }[];
}

/** The CertificateHashDataChain entries of `held` (a root is its own issuer), hashed with `algorithm`. */
export function chainOf(held: readonly HeldCertificate[], algorithm: HashAlgorithm = 'SHA256'): CertificateHashDataChainType[] {
  return held.map((c) => ({
    certificateType: c.certificateType,
    certificateHashData: certificateHashData(c.pem, c.issuerPem ?? c.pem, algorithm),
    ...(c.children?.length ? { childCertificateHashData: c.children.map((child) => certificateHashData(child.pem, child.issuerPem, algorithm)) } : {}),
  }));
}

/** The harness station's V2G certificate chain: the SECC certificate of the run's PKI under CPO sub-CA 2 and sub-CA 1. */
export async function harnessV2gChain(ctx: CsmsCaseContext): Promise<HeldCertificate> {
  const material = materialOf(ctx);
  const [secc, sub2, sub1, root] = await Promise.all([material.credential('secc', 'ec'), material.credential('v2g-sub-ca-2', 'ec'), material.credential('v2g-sub-ca-1', 'ec'), material.credential('v2g-root-ca', 'ec')]);
  return {
    certificateType: 'V2GCertificateChain',
    pem: secc.certificatePem,
    issuerPem: sub2.certificatePem,
    children: [
      { pem: sub2.certificatePem, issuerPem: sub1.certificatePem },
      { pem: sub1.certificatePem, issuerPem: root.certificatePem },
    ],
  };
}

/**
 * Reusable State CertificateInstalled: the CSMS is asked to install the configured certificate of `type`; its
 * InstallCertificateRequest must name that type and carry that certificate; the harness answers `answer`.
 */
export function certificateInstalledByCsms(ctx: CsmsCaseContext, title: string, type: InstallCertificateUseEnumType, answer: OcppResponses['InstallCertificate']['status'] = 'Accepted'): Promise<string> {
  return ctx.step(title, async () => {
    const pem = await configuredCertificate(ctx, type);
    const call = await csmsSendsAfter(ctx, { kind: 'installCertificate', stationId: ctx.config.station.id, certificateType: type, certificatePem: pem }, 'InstallCertificate', (c) => c.respond({ status: answer }));
    ctx.check.equal('InstallCertificateRequest.certificateType', call.payload.certificateType, type);
    ctx.check.that('InstallCertificateRequest.certificate', samePem(call.payload.certificate, pem), 'the configured certificate', 'another certificate');
    return pem;
  });
}

/** Checks certificateType of a GetInstalledCertificateIdsRequest: exactly `types`, or omitted when `types` is empty. */
export function checkRequestedTypes(ctx: CsmsCaseContext, request: OcppRequests['GetInstalledCertificateIds'], types: readonly GetCertificateIdUseEnumType[]): void {
  const asked = request.certificateType;
  if (types.length === 0) return ctx.check.equal('GetInstalledCertificateIdsRequest.certificateType', asked, undefined);
  ctx.check.that('GetInstalledCertificateIdsRequest.certificateType', asked !== undefined && asked.length === types.length && types.every((t) => asked.includes(t)), types.join(', '), asked === undefined ? '(omitted)' : asked.join(', '));
}

/**
 * Reusable State GetInstalledCertificates (and the like): the CSMS is asked for the certificates of `types`; the harness
 * answers with the entries of `held` of those types (NotFound when there are none) hashed with `algorithm`. Returns the request and the answer.
 */
export function installedCertificatesRequested(ctx: CsmsCaseContext, title: string, types: readonly GetCertificateIdUseEnumType[], held: readonly HeldCertificate[], algorithm: HashAlgorithm = 'SHA256'): Promise<{ request: OcppRequests['GetInstalledCertificateIds']; answer: OcppResponses['GetInstalledCertificateIds'] }> {
  return ctx.step(title, async () => {
    let answer: OcppResponses['GetInstalledCertificateIds'] = { status: 'NotFound' };
    const call = await csmsSendsAfter(ctx, { kind: 'getInstalledCertificateIds', stationId: ctx.config.station.id, certificateTypes: types }, 'GetInstalledCertificateIds', (c) => {
      answer = answerFor(c.payload, held, algorithm);
      c.respond(answer);
    });
    checkRequestedTypes(ctx, call.payload, types);
    return { request: call.payload, answer };
  });
}

/** The harness station's answer to a GetInstalledCertificateIdsRequest: its certificates of the types asked for (all when none). */
export function answerFor(request: OcppRequests['GetInstalledCertificateIds'], held: readonly HeldCertificate[], algorithm: HashAlgorithm): OcppResponses['GetInstalledCertificateIds'] {
  const wanted = held.filter((c) => !request.certificateType?.length || request.certificateType.includes(c.certificateType));
  return wanted.length ? { status: 'Accepted', certificateHashDataChain: chainOf(wanted, algorithm) } : { status: 'NotFound' };
}

/**
 * The delete of M04 as the CSMS does it: asked to delete `target`, it first asks for the installed certificates (the
 * harness reports `held` hashed with `algorithm`), then sends DeleteCertificateRequest, which must carry the hash data
 * the harness reported (M04.FR.07); the harness answers `answer`. Steps `first` to `first + 3`.
 */
export async function certificateDeleted(ctx: CsmsCaseContext, first: number, target: HeldCertificate, held: readonly HeldCertificate[], algorithm: HashAlgorithm, answer: OcppResponses['DeleteCertificate']['status']): Promise<void> {
  const { step, station, check, config } = ctx;
  const reported = chainOf([target], algorithm)[0].certificateHashData;
  let deleted: Promise<IncomingCall<'DeleteCertificate'>> | undefined;
  await step(`${first}-${first + 1}. CSMS sends GetInstalledCertificateIdsRequest, harness lists its certificates hashed with ${algorithm}`, async () => {
    const serialNumber = reported.serialNumber;
    const call = await csmsSendsAfter(ctx, { kind: 'deleteCertificate', stationId: config.station.id, certificateType: target.certificateType, serialNumber }, 'GetInstalledCertificateIds', (c) => {
      // The DeleteCertificateRequest follows this answer: wait for it before answering.
      deleted = station.expect('DeleteCertificate', { timeoutMs: config.timeouts.messageMs * 2 });
      deleted.catch(() => undefined);
      c.respond(answerFor(c.payload, held, algorithm));
    });
    const asked = call.payload.certificateType;
    check.that('GetInstalledCertificateIdsRequest.certificateType', asked === undefined || asked.includes(target.certificateType), `${target.certificateType} among them, or omitted`, asked === undefined ? '(omitted)' : asked.join(', '));
  });
  await step(`${first + 2}-${first + 3}. CSMS sends DeleteCertificateRequest, harness answers ${answer}`, async () => {
    if (!deleted) throw new Error('harness bug: no wait for DeleteCertificate');
    const call = await deleted;
    call.respond({ status: answer });
    const sent = call.payload.certificateHashData;
    check.that('DeleteCertificateRequest.certificateHashData', sameCertificate(sent, reported), `the hash data reported (${algorithm}, serial ${reported.serialNumber})`, `${sent.hashAlgorithm}, serial ${sent.serialNumber}`);
  });
}

/** The harness station's trust store: the run's CSMS root and one root of each other type (the configured ones). */
export async function harnessTrustStore(ctx: CsmsCaseContext): Promise<HeldCertificate[]> {
  const material = materialOf(ctx);
  return [
    { certificateType: 'CSMSRootCertificate', pem: (await material.credential('csms-root-ca', ctx.config.security.keyAlgorithm)).certificatePem },
    { certificateType: 'ManufacturerRootCertificate', pem: await configuredCertificate(ctx, 'ManufacturerRootCertificate') },
    { certificateType: 'V2GRootCertificate', pem: await configuredCertificate(ctx, 'V2GRootCertificate') },
    { certificateType: 'MORootCertificate', pem: await configuredCertificate(ctx, 'MORootCertificate') },
  ];
}

/**
 * TC_M_26/28_CSMS: the harness station passes an EV's certificate installation or update request on
 * (Get15118EVCertificateRequest); the CSMS must answer Accepted with a Base64 exiResponse. The harness has no EXI codec:
 * its exiRequest is an opaque stand-in, and the content of exiResponse is not judged, only that it is Base64 and not empty.
 */
export function evCertificateRequested(ctx: CsmsCaseContext, action: 'Install' | 'Update'): Promise<void> {
  return ctx.step(`1-2. harness sends Get15118EVCertificateRequest (action ${action}), CSMS answers`, async () => {
    const exiRequest = Buffer.from(`OCPP-CT stand-in for an EXI ${action === 'Install' ? 'CertificateInstallationReq' : 'CertificateUpdateReq'} ${Date.now()}`).toString('base64');
    const response = await ctx.station.call('Get15118EVCertificate', { iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action, exiRequest });
    ctx.check.equal('Get15118EVCertificateResponse.status', response.status, 'Accepted');
    const base64 = /^[A-Za-z0-9+/]+={0,2}$/.test(response.exiResponse) && response.exiResponse.length % 4 === 0;
    ctx.check.that('Get15118EVCertificateResponse.exiResponse', base64, 'a Base64 EXI response, not empty', response.exiResponse === '' ? 'empty' : 'not Base64');
  });
}
