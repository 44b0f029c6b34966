/** Block A states and checks of the CSMS cases: the security profile the harness station connects with, refused connections, TLS checks, and the certificate renewal of A02. */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { notApplicable } from '../../../src/engine/verdict';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { chainProblem, createCsr, keySizeProblem, parseCertificates, summarize, type CertificateRequest, type Credential } from '../../../src/pki';
import type { StationCredentials } from '../../../src/actors/station-actor';
import { probeTls, type ConnectError } from '../../../src/transport/client';
import type { SecurityMaterial } from '../../../src/transport/profiles';
import { OCPP_CIPHER_SUITES, describeHandshake, type SecurityProfile, type TlsHandshake } from '../../../src/transport/security';
import { csmsSendsAfter } from './operator';

/** The run's TLS material (a CSMS lane always has it). */
export function materialOf(ctx: CsmsCaseContext): SecurityMaterial {
  const security = ctx.station.options.security;
  if (!security) throw new Error('harness bug: the lane gave the station no security material');
  return security.material;
}

/** How the harness station connects with `profile` to `csmsUrl`: TLS for 2 and 3 (with `client` as certificate for 3). */
export async function credentialsFor(ctx: CsmsCaseContext, profile: SecurityProfile, csmsUrl: string, client?: Credential): Promise<StationCredentials> {
  const tls = profile === 1 ? undefined : await materialOf(ctx).clientTls(profile, client);
  return { ...ctx.station.connectionSettings, csmsUrl, securityProfile: profile, tls };
}

/**
 * Prerequisite of a case: the harness station uses one of `allowed`. When it does not, it switches to the CSMS endpoint
 * of the nearest allowed profile (reference CSMS, or `security.csmsUrls`); without one the case is not applicable.
 * With `connected`, the case also starts from an accepted connection of that profile.
 */
export async function csmsProfileIn(ctx: CsmsCaseContext, allowed: readonly SecurityProfile[], options: { connected?: boolean } = {}): Promise<SecurityProfile> {
  const { station } = ctx;
  const current = station.connectionSettings.securityProfile;
  if (allowed.includes(current)) {
    if (options.connected && !station.isAccepted) await connectAndBoot(ctx, `Prerequisite: harness connects with security profile ${current}`, 'Prerequisite: harness boots, CSMS accepts it');
    return current;
  }
  const ordered = [...allowed].sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || b - a);
  for (const profile of ordered) {
    const url = await station.options.security?.endpointUrl(profile);
    if (!url) continue;
    station.useCredentials(await credentialsFor(ctx, profile, url));
    await station.disconnect();
    if (options.connected) await connectAndBoot(ctx, `Prerequisite: harness connects with security profile ${profile}`, 'Prerequisite: harness boots, CSMS accepts it');
    return profile;
  }
  throw notApplicable(`the case needs security profile ${allowed.join(' or ')}; the run uses ${current} and no CSMS URL is configured for the others (security.csmsUrls)`);
}

/** The harness connects with `overrides` and the CSMS must refuse (HTTP status, TLS alert or closed connection); returns why. */
export async function refusedConnection(ctx: CsmsCaseContext, title: string, overrides: Partial<StationCredentials>): Promise<ConnectError | undefined> {
  return ctx.step(title, async () => {
    const refused = await ctx.station.tryConnect(overrides);
    ctx.check.that('the CSMS refuses the connection', refused !== undefined, 'no WebSocket connection', refused ? refused.message : 'the connection was upgraded');
    return refused;
  });
}

/**
 * Clean-up after a case whose CSMS had to refuse the harness: the harness connects again with its valid settings and
 * boots, so the run goes on from a connected station. Not a Part 6 step, so nothing here fails the case.
 */
export async function reconnectAfterRefusal(ctx: CsmsCaseContext): Promise<void> {
  await ctx.step('Afterwards: harness connects again with its valid settings and boots', async () => {
    if (!(await ctx.station.tryConnect())) await ctx.station.boot('PowerUp').catch(() => undefined);
  });
}

/** A random passwordString of 24 characters (not the configured one). */
export const randomPassword = (): string => `ocppct-${randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 17)}`;

/** TLS 1.2 or above, as negotiated on the harness's last connection. */
export function checkTlsVersion(ctx: CsmsCaseContext, handshake: TlsHandshake | undefined): void {
  ctx.check.oneOf('negotiated TLS version', handshake?.protocol, ['TLSv1.2', 'TLSv1.3']);
}

/**
 * A00.FR.318/421: the CSMS supports all four OCPP cipher suites. The harness makes one TLS 1.2 handshake per suite,
 * offering that suite alone.
 */
export async function checkCipherSuites(ctx: CsmsCaseContext): Promise<void> {
  const { station, check, config } = ctx;
  const settings = station.connectionSettings;
  for (const [standard, openssl] of Object.entries(OCPP_CIPHER_SUITES)) {
    const handshake = await probeTls(settings.csmsUrl, { ...(settings.tls ?? {}), maxVersion: 'TLSv1.2', ciphers: openssl }, config.timeouts.connectMs);
    check.that(`cipher suite ${standard}`, handshake.ok && handshake.cipher?.standardName === standard, 'supported (TLS 1.2 handshake with only this suite offered)', describeHandshake(handshake));
  }
}

/** A00.FR.502/503/508/510: the server certificate's key size, serial number, and CN = the host of the endpoint. */
export function checkServerCertificate(ctx: CsmsCaseContext, handshake: TlsHandshake | undefined): void {
  const { check, station } = ctx;
  const leaf = handshake?.peerChain[0];
  check.that('server certificate', leaf !== undefined, 'an X.509 certificate', leaf?.subject ?? 'none');
  if (!leaf) return;
  check.that('server certificate key size', keySizeProblem(leaf) === undefined, 'RSA at least 2048 bits, elliptic curve at least 224 bits', leaf.key);
  check.that('server certificate serial number', /^[0-9A-F]+$/.test(leaf.serialNumber), 'a serial number', leaf.serialNumber || '(none)');
  const host = new URL(station.connectionSettings.csmsUrl).hostname.replace(/^\[|\]$/g, '');
  // An endpoint reached by IP address has no FQDN: then the CN must name a host (not an address) and the handshake already matched the address.
  const ok = isIP(host) ? leaf.commonName !== undefined && isIP(leaf.commonName) === 0 : leaf.commonName === host;
  check.that('server certificate subject CN', ok, isIP(host) ? `a host name (the endpoint ${host} is an address)` : host, leaf.commonName ?? '(none)');
}

/** Connects (the harness's current or given settings; `checks` runs on the new connection) and checks the CSMS accepts the BootNotification (reason PowerUp). */
export async function connectAndBoot(ctx: CsmsCaseContext, connectTitle: string, bootTitle: string, overrides: Partial<StationCredentials> = {}, checks: () => void | Promise<void> = () => undefined): Promise<void> {
  const { step, station, check } = ctx;
  await step(connectTitle, async () => {
    await station.connect(overrides);
    await checks();
  });
  await step(bootTitle, async () => {
    const response = await station.boot('PowerUp');
    check.equal('BootNotificationResponse.status', response.status, 'Accepted');
  });
}

/** What the harness station sends as its CSR: station certificate (CN station id, O organisation) or V2G (C, O, OU configured, always EC). */
export async function harnessCsr(ctx: CsmsCaseContext, kind: 'chargingStation' | 'v2g'): Promise<CertificateRequest> {
  const { config } = ctx;
  const { organization, country, organizationalUnit, keyAlgorithm } = config.security;
  return kind === 'v2g'
    ? createCsr({ commonName: config.station.id, organization, country, organizationalUnit }, 'ec')
    : createCsr({ commonName: config.station.id, organization }, keyAlgorithm);
}

/** Which CA the certificate of a CertificateSignedRequest must chain to: the run's CSMS roots, or the V2G root. */
export async function trustedRootsFor(ctx: CsmsCaseContext, kind: 'chargingStation' | 'v2g'): Promise<string[]> {
  const material = materialOf(ctx);
  return kind === 'v2g' ? [(await material.credential('v2g-root-ca', 'ec')).certificatePem] : material.csmsRootCertificates();
}

/** The steps of a CSMS-requested renewal up to the CertificateSignedRequest, which `answer` answers; returns the request and the CSR's key. */
export interface RenewalSteps {
  readonly trigger: string;
  readonly sign: string;
  readonly signed: string;
  readonly requestedMessage: 'SignChargingStationCertificate' | 'SignV2GCertificate' | 'SignCombinedCertificate';
  readonly certificateType?: 'ChargingStationCertificate' | 'V2GCertificate';
  readonly answer: 'Accepted' | 'Rejected';
  /** Checks of the CertificateSignedRequest (step 5), before it is answered. */
  readonly validate: (request: OcppRequests['CertificateSigned'], csr: CertificateRequest) => Promise<void>;
}

/** Memory State RenewChargingStationCertificate and its V2G and combined variants, driven through the CSMS's operator action. */
export async function renewalRequested(ctx: CsmsCaseContext, steps: RenewalSteps): Promise<{ request: OcppRequests['CertificateSigned']; csr: CertificateRequest }> {
  const { step, station, check, config } = ctx;
  await step(steps.trigger, async () => {
    const trigger = await csmsSendsAfter(ctx, { kind: 'triggerCertificateSigning', stationId: config.station.id, requestedMessage: steps.requestedMessage }, 'TriggerMessage', (call) => call.respond({ status: 'Accepted' }));
    check.equal('TriggerMessageRequest.requestedMessage', trigger.payload.requestedMessage, steps.requestedMessage);
  });
  const csr = await harnessCsr(ctx, steps.requestedMessage === 'SignChargingStationCertificate' ? 'chargingStation' : 'v2g');
  await step(steps.sign, async () => {
    const response = await station.call('SignCertificate', { csr: csr.csrPem, ...(steps.certificateType ? { certificateType: steps.certificateType } : {}) });
    check.equal('SignCertificateResponse.status', response.status, 'Accepted');
  });
  const request = await step(steps.signed, async () => {
    const call = await station.expect('CertificateSigned', { timeoutMs: config.timeouts.messageMs + config.timeouts.operatorMs });
    await steps.validate(call.payload, csr);
    call.respond({ status: steps.answer });
    return call.payload;
  });
  return { request, csr };
}

/** Memory State RenewChargingStationCertificate (CSMS side): returns the renewed certificate with the key the harness made for it. */
export async function renewChargingStationCertificate(ctx: CsmsCaseContext, title: string): Promise<Credential> {
  const renewal = await ctx.step(title, () =>
    renewalRequested(ctx, {
      trigger: '1-2. CSMS sends TriggerMessageRequest, harness accepts it',
      sign: '3-4. harness sends SignCertificateRequest (ChargingStationCertificate), CSMS accepts it',
      signed: '5-6. CSMS sends CertificateSignedRequest, harness accepts it',
      requestedMessage: 'SignChargingStationCertificate',
      certificateType: 'ChargingStationCertificate',
      answer: 'Accepted',
      validate: async (request) => {
        await checkSignedChain(ctx, request.certificateChain, await trustedRootsFor(ctx, 'chargingStation'), 'the configured CSMS root');
        ctx.check.equal('CertificateSignedRequest.certificateType', request.certificateType, 'ChargingStationCertificate');
      },
    }),
  );
  return renewedCredential(renewal.request.certificateChain, renewal.csr);
}

/** The certificate of a CertificateSignedRequest certifies the CSR's key and chains to `roots` (the chain-building check of step 5). */
export async function checkSignedChain(ctx: CsmsCaseContext, chainPem: string, roots: readonly string[], what: string): Promise<void> {
  const problem = await chainProblem(chainPem, roots);
  ctx.check.that('CertificateSignedRequest.certificateChain', problem === undefined, `a certificate generated from the CSR and signed by ${what}`, problem ?? 'it is');
}

/**
 * The certificate properties Part 6 checks in TC_A_12/13_CSMS without failing the case (the CSMS usually does not make
 * the certificate): recorded as advisory validations (`check.advisory`) with their real outcome.
 */
export function noteCertificateProperties(ctx: CsmsCaseContext, chainPem: string, withSubject: boolean): void {
  const [leaf] = parseCertificates(chainPem);
  const facts = leaf ? summarize(leaf.toString('pem')) : undefined;
  const { check } = ctx;
  check.advisory('certificate key size', facts ? facts.keyBits >= 224 : false, 'at least 224 bits', facts?.key ?? 'no certificate');
  check.advisory('certificate in PEM', /^-----BEGIN CERTIFICATE-----/.test(chainPem.trim()), 'X.509 in PEM', chainPem.trim().slice(0, 27));
  if (withSubject) {
    check.advisory('certificate serial number', /^[0-9A-F]+$/.test(facts?.serialNumber ?? ''), 'a serial number', facts?.serialNumber ?? '(none)');
    check.advisory('certificate subject CN', facts?.commonName === ctx.config.station.id, `the station id "${ctx.config.station.id}"`, facts?.commonName ?? '(none)');
  }
}

/** The station credential the harness holds after a renewal: the CSMS's certificate chain with the CSR's private key. */
export function renewedCredential(chainPem: string, csr: CertificateRequest): Credential {
  const [certificate, ...intermediates] = parseCertificates(chainPem);
  return { name: 'station', algorithm: csr.algorithm, certificate, certificatePem: `${certificate.toString('pem')}\n`, privateKey: csr.keys.privateKey, privateKeyPem: csr.privateKeyPem, intermediates, root: intermediates.at(-1) ?? certificate };
}
