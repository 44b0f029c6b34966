/** Block M states of the Charging Station cases: Memory State CertificateInstalled, Reusable State GetInstalledCertificates, and the certificates of each type the harness installs. */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { OcppResponses } from '../../../src/ocpp/generated';
import type { CertificateHashDataChainType, CertificateHashDataType, GetCertificateIdUseEnumType, InstallCertificateUseEnumType } from '../../../src/ocpp/generated/definitions';
import { addDays, certificateHashData, chainPem, issueCertificate, parseCertificates, sameCertificate, type Credential, type CredentialName } from '../../../src/pki';
import { connectorsAndSecurityEvent } from './booted';
import { answerToken } from './cache';
import { evConnectedPreSession, withSession } from './transaction';
import { endpointsOf } from './security';

/** The harness certificate of each root type (<Configured … certificate>): the CSMS root 2, the manufacturer, V2G and MO roots of the run's PKI. */
const CONFIGURED_ROOT: Readonly<Record<InstallCertificateUseEnumType, CredentialName>> = {
  CSMSRootCertificate: 'csms-root-ca-2',
  ManufacturerRootCertificate: 'manufacturer-root-ca',
  V2GRootCertificate: 'v2g-root-ca',
  MORootCertificate: 'mo-root-ca',
};

/** The PEM of the configured certificate of `type` (ISO 15118 roots are EC only; the others follow security.keyAlgorithm). */
export async function configuredRoot(ctx: CsCaseContext, type: InstallCertificateUseEnumType): Promise<string> {
  const algorithm = type === 'V2GRootCertificate' || type === 'MORootCertificate' ? 'ec' : ctx.config.security.keyAlgorithm;
  return (await endpointsOf(ctx).material.credential(CONFIGURED_ROOT[type], algorithm)).certificatePem;
}

/** CertificateHashData of a self-signed certificate, with the hash algorithm `like` uses (the station chooses it). */
export function hashOfRoot(pem: string, like?: Pick<CertificateHashDataType, 'hashAlgorithm'>): CertificateHashDataType {
  return certificateHashData(pem, pem, like?.hashAlgorithm ?? 'SHA256');
}

/** True when `entry` names the root certificate `pem`. */
export const entryIsRoot = (entry: CertificateHashDataChainType, pem: string): boolean => sameCertificate(entry.certificateHashData, hashOfRoot(pem, entry.certificateHashData));

/** Memory State CertificateInstalled: InstallCertificateRequest of `type` with `pem` (the configured one by default), which the station must accept. */
export function certificateInstalled(ctx: CsCaseContext, type: InstallCertificateUseEnumType, title = `Memory State CertificateInstalled for ${type}`, pem?: string): Promise<string> {
  return ctx.step(title, async () => {
    const certificate = pem ?? (await configuredRoot(ctx, type));
    const response = await ctx.csms.call('InstallCertificate', { certificateType: type, certificate });
    ctx.check.equal('InstallCertificateResponse.status', response.status, 'Accepted');
    return certificate;
  });
}

/** Sends GetInstalledCertificateIdsRequest for `types` (omitted when empty) and returns the answer. */
export function installedCertificateIds(ctx: CsCaseContext, types: readonly GetCertificateIdUseEnumType[]): Promise<OcppResponses['GetInstalledCertificateIds']> {
  return ctx.csms.call('GetInstalledCertificateIds', types.length ? { certificateType: [...types] } : {});
}

/**
 * Reusable State GetInstalledCertificates: the station answers Accepted, and for each of `expected` (type and PEM) the
 * chain holds an entry of that type naming that certificate. Returns the answer.
 */
export function getInstalledCertificates(ctx: CsCaseContext, types: readonly GetCertificateIdUseEnumType[], expected: readonly { type: GetCertificateIdUseEnumType; pem: string }[], title = `Reusable State GetInstalledCertificates for ${types.length ? types.join(' and ') : 'every certificateType'}`): Promise<OcppResponses['GetInstalledCertificateIds']> {
  return ctx.step(title, async () => {
    const response = await installedCertificateIds(ctx, types);
    ctx.check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
    const chain = response.certificateHashDataChain ?? [];
    for (const { type, pem } of expected) {
      const found = chain.some((entry) => entry.certificateType === type && entryIsRoot(entry, pem));
      ctx.check.that(`certificateHashDataChain holds the ${type} the harness installed`, found, `an entry of type ${type} with serialNumber ${hashOfRoot(pem).serialNumber}`, describeChain(chain));
    }
    return response;
  });
}

/** The entries of a chain as type and serial, for a failure reason. */
export const describeChain = (chain: readonly CertificateHashDataChainType[]): string => (chain.length ? chain.map((e) => `${e.certificateType} ${e.certificateHashData.serialNumber}`).join(', ') : 'no entries');

/**
 * TC_M_26-29_CS: with the V2G and MO roots installed and an EV connected (EVConnectedPreSession), the EV asks for a
 * contract certificate (`action` Install or Update); the station must pass the request on (Get15118EVCertificateRequest
 * with that action), which the harness answers Accepted or Failed. After Accepted the EV authorizes with the contract
 * it got (AuthorizeRequest, answered Accepted); after Failed no AuthorizeRequest may follow. The harness has no EXI
 * codec: its exiResponse is an opaque stand-in, and the EV then presents the harness's contract certificate.
 */
export async function evContractCertificate(ctx: CsCaseContext, action: 'Install' | 'Update', accepted: boolean): Promise<void> {
  const { step, check, csms, config } = ctx;
  await certificateInstalled(ctx, 'V2GRootCertificate', 'Before: Memory State CertificateInstalled for V2GRootCertificate');
  await certificateInstalled(ctx, 'MORootCertificate', 'Before: Memory State CertificateInstalled for MORootCertificate');
  const contract = await endpointsOf(ctx).material.credential('contract', 'ec');
  const emaid = parseCertificates(contract.certificatePem)[0].subjectName.getField('CN')[0] ?? '';
  const token: ConfiguredIdToken = { idToken: emaid, type: 'eMAID' };
  await withSession(
    ctx,
    async (session) => {
      answerToken(session.monitor, token, { status: 'Accepted' });
      await evConnectedPreSession(session);
      const requested = csms.expect('Get15118EVCertificate', { timeoutMs: config.timeouts.operatorMs + config.timeouts.messageMs, description: 'Get15118EVCertificateRequest' });
      requested.catch(() => undefined);
      await session.act(`Manual action: the EV asks for ${action === 'Install' ? 'a new contract certificate' : 'an update of its contract certificate'}`, { kind: 'evRequestsContractCertificate', evseId: session.evse.evseId, action });
      await step(`1-2. station sends Get15118EVCertificateRequest; harness answers ${accepted ? 'Accepted' : 'Failed'}`, async () => {
        const call = await requested;
        call.respond(accepted ? { status: 'Accepted', exiResponse: Buffer.from(`OCPP-CT stand-in for an EXI ${action === 'Install' ? 'CertificateInstallationRes' : 'CertificateUpdateRes'}`).toString('base64') } : { status: 'Failed', exiResponse: '' });
        check.equal('Get15118EVCertificateRequest.action', call.payload.action, action);
      });
      if (accepted) {
        await session.act(`Manual action: the EV authorizes with the contract certificate it received (eMAID ${emaid})`, { kind: 'presentContractCertificate', evseId: session.evse.evseId, emaid, certificateChainPem: chainPem(contract) });
        await step('3-4. station sends AuthorizeRequest for the contract; harness answers Accepted', async () => {
          const call = await session.monitor.next('an AuthorizeRequest for the contract', (c) => c.action === 'Authorize');
          check.equal('AuthorizeRequest.idToken.type', (call.payload as { idToken: { type: string } }).idToken.type, 'eMAID');
        });
      } else {
        await step(`3. no AuthorizeRequest follows the failed request (the harness watches for the message timeout, ${config.timeouts.messageMs} ms)`, () =>
          session.monitor.watch(config.timeouts.messageMs, (c) => (c.action === 'Authorize' ? 'the station sent an AuthorizeRequest although the certificate request failed' : undefined)),
        );
      }
    },
    { idToken: token },
  );
}

/**
 * TC_M_30/31_CS: a new CSMS root the station's current one signed (the run's CSMS root CA of security.keyAlgorithm, as
 * AdditionalRootCertificateCheck asks, M05.FR.10), and a CSMS server certificate issued under it.
 */
export async function newCsmsRoot(ctx: CsCaseContext): Promise<{ oldRootPem: string; newRoot: Credential; server: Credential }> {
  const material = endpointsOf(ctx).material;
  const algorithm = ctx.config.security.keyAlgorithm;
  const old = await material.credential('csms-root-ca', algorithm);
  const now = new Date();
  const validity = { notBefore: new Date(now.getTime() - 3_600_000), notAfter: addDays(now, 365) };
  const newRoot = await issueCertificate({ name: 'csms-root-ca-new', algorithm, subject: { commonName: 'OCPP-CT CSMS Root CA (new)', organization: ctx.config.security.organization }, profile: 'rootCa', issuer: old, ...validity });
  const hosts = [...new Set(['localhost', '127.0.0.1', ...ctx.config.security.csmsHosts])];
  const server = await issueCertificate({ name: 'csms-server-new-root', algorithm, subject: { commonName: hosts[0], organization: ctx.config.security.organization }, profile: 'endEntity', issuer: newRoot, hosts, ...validity });
  return { oldRootPem: old.certificatePem, newRoot, server };
}

/** Clean-up of TC_B_47/M_31_CS, however the case ends: DeleteCertificateRequest for the new CSMS root `pem` (issued by `issuerPem`), so the station trusts what it did before. */
export function deleteAfterwards(ctx: CsCaseContext, pem: string, issuerPem: string): void {
  ctx.defer('delete the new CSMS root from the station', async () => {
    if (ctx.csms.connection) await ctx.csms.call('DeleteCertificate', { certificateHashData: certificateHashData(pem, issuerPem) });
  });
}

/** Makes the endpoint of the current profile present `credentials` to new connections (undefined: the run's own server certificates again). */
export async function serveServerCredentials(ctx: CsCaseContext, credentials: readonly Credential[] | undefined): Promise<void> {
  const endpoints = endpointsOf(ctx);
  const profile = endpoints.profile;
  if (profile === 1) throw new Error('harness bug: no server certificate on a security profile 1 endpoint');
  (await endpoints.endpoint(profile)).useTls(await endpoints.material.serverTls(profile, credentials));
}

/**
 * Steps 1-6 of TC_M_30/31_CS: the harness resets the station (OnIdle) and, with `serve` presented on its endpoint,
 * waits for it to connect again and boot (Booted without its own reset).
 */
export async function resetAndReconnect(ctx: CsCaseContext, serve: readonly Credential[] | undefined): Promise<void> {
  const { step, csms, check, config } = ctx;
  await serveServerCredentials(ctx, serve);
  await step('1-2. harness sends ResetRequest (OnIdle), station answers', async () => {
    const reset = await csms.call('Reset', { type: 'OnIdle' });
    check.equal('ResetResponse.status', reset.status, 'Accepted');
  });
  await step('3-5. the station connects again (its TLS handshake validates the server certificate) and boots; Reusable State Booted', async () => {
    const boot = await csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: config.timeouts.connectMs * 2 });
    csms.answerBoot(boot, 'Accepted');
    await connectorsAndSecurityEvent(ctx);
  });
}
