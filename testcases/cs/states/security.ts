/** Block A states and checks of the Charging Station cases: the security profile a case needs, Booting, TLS handshake validations, certificate renewal and network profiles. */
import type { RunConfig } from '../../../src/engine/config';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive, notApplicable } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests } from '../../../src/ocpp/generated';
import type { ComponentType, MutabilityEnumType, ReportDataType, SetVariableDataType } from '../../../src/ocpp/generated/definitions';
import type { CertificateSummary, Credential, CredentialName, CsrFacts } from '../../../src/pki';
import { inspectCsr, keySizeProblem, signCsr } from '../../../src/pki';
import type { CsmsEndpoints, EndpointWatch, UpgradeAttempt } from '../../../src/transport/endpoints';
import { OCPP_CIPHER_SUITES, basicAuthHeader, describeHandshake, type SecurityProfile, type TlsHandshake } from '../../../src/transport/security';
import { connectorReports } from './booted';
import { setting } from './configuration';
import { baseReport } from './report';

/** The endpoints of the harness as CSMS (a lane always opens them). */
export function endpointsOf(ctx: CsCaseContext): CsmsEndpoints {
  const endpoints = ctx.csms.endpoints;
  if (!endpoints) throw new Error('harness bug: the lane opened no CSMS endpoints');
  return endpoints;
}

/**
 * Prerequisite of a case: the station connects with one of `allowed`. When it does not, and `security.switchProfiles`
 * allows it, the station is moved to the nearest allowed profile (a local configuration, not OCPP: A00.FR.005);
 * otherwise the case is not applicable.
 */
export async function securityProfileIn(ctx: CsCaseContext, allowed: readonly SecurityProfile[]): Promise<SecurityProfile> {
  const endpoints = endpointsOf(ctx);
  const current = endpoints.profile;
  if (allowed.includes(current)) return current;
  if (!ctx.config.security.switchProfiles) throw notApplicable(`the case needs security profile ${allowed.join(' or ')} and the run uses ${current} (security.switchProfiles is off)`);
  const target = [...allowed].sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || b - a)[0];
  return ctx.step(`Prerequisite: the station connects with security profile ${target}`, async () => {
    const server = await endpoints.endpoint(target);
    endpoints.profile = target;
    const connected = ctx.csms.nextConnection();
    await ctx.perform({ kind: 'configureSecurityProfile', securityProfile: target, csmsUrl: server.baseUrl });
    await connected;
    await ctx.csms.ensureAccepted();
    return target;
  });
}

/** Makes the endpoint of the current profile present `certificate` (RSA and EC) to new connections; `valid` puts the run's own server certificate back. */
export async function serveServerCertificate(ctx: CsCaseContext, certificate: CredentialName | 'valid'): Promise<void> {
  const endpoints = endpointsOf(ctx);
  const profile = endpoints.profile;
  if (profile === 1) throw new Error('harness bug: no server certificate on a security profile 1 endpoint');
  const server = await endpoints.endpoint(profile);
  const credentials = certificate === 'valid' ? undefined : await Promise.all([endpoints.material.credential(certificate, 'rsa'), endpoints.material.credential(certificate, 'ec')]);
  server.useTls(await endpoints.material.serverTls(profile, credentials));
}

/** Makes the endpoint of the current profile speak only TLS 1.1 (`old`) or the normal TLS 1.2 and above (`normal`) to new connections. */
export async function serveTlsVersion(ctx: CsCaseContext, version: 'old' | 'normal'): Promise<void> {
  const endpoints = endpointsOf(ctx);
  const server = await endpoints.endpoint(endpoints.profile);
  const material = await endpoints.material.serverTls(endpoints.profile as 2 | 3);
  server.useTls(version === 'old' ? { ...material, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } : material);
}

/**
 * Runs `body` with the station on one of `allowed` (see {@link securityProfileIn}); afterwards a station the harness moved
 * (or a case upgraded) goes back to the configured profile and endpoint, so the cases after it find the lane as configured.
 */
export async function withSecurityProfile(ctx: CsCaseContext, allowed: readonly SecurityProfile[], body: (profile: SecurityProfile) => Promise<void>): Promise<void> {
  const profile = await securityProfileIn(ctx, allowed);
  try {
    await body(profile);
  } finally {
    // Clean-up, not a Part 6 step: a problem moving the station back is a warning, never the verdict.
    await restoreConfiguredProfile(ctx).catch((error: unknown) => ctx.warn(`moving the station back to the configured security profile failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Moves the station back to the configured security profile and endpoint, when it is elsewhere and switching is allowed. */
async function restoreConfiguredProfile(ctx: CsCaseContext): Promise<void> {
  const endpoints = endpointsOf(ctx);
  const configured = ctx.config.security.securityProfile;
  if (endpoints.profile === configured || !ctx.config.security.switchProfiles) return;
  await ctx.step(`Afterwards: the station connects with the configured security profile ${configured} again`, async () => {
    endpoints.profile = configured;
    const connected = ctx.csms.nextConnection();
    await ctx.perform({ kind: 'configureSecurityProfile', securityProfile: configured, csmsUrl: endpoints.primary.baseUrl });
    await connected;
    await ctx.csms.ensureAccepted();
  });
}

/** Reusable State Booting: the harness resets the station, which drops its connection and starts again. */
export function booting(ctx: CsCaseContext): Promise<void> {
  const { step, csms, check } = ctx;
  return step('Reusable State Booting: harness sends ResetRequest (Immediate), station answers', async () => {
    const reset = await csms.call('Reset', { type: 'Immediate' });
    check.equal('ResetResponse.status', reset.status, 'Accepted');
  });
}

/** Waits for the next TLS handshake on the endpoints and checks it completed. */
export async function completedHandshake(ctx: CsCaseContext, watch: EndpointWatch): Promise<TlsHandshake> {
  const handshake = await watch.nextHandshake(ctx.config.timeouts.connectMs);
  ctx.check.that('TLS handshake of the station', handshake?.ok === true, 'a completed TLS handshake', handshake ? describeHandshake(handshake) : `none within ${ctx.config.timeouts.connectMs} ms`);
  return handshake as TlsHandshake;
}

/**
 * The TLS checks of TC_A_04/07_CS before the handshake completes (A00.FR.313, A00.FR.319/422): TLS 1.2 or above, and
 * the ClientHello offers both ECDHE_ECDSA suites or both RSA suites of OCPP.
 */
export function checkTlsVersionAndSuites(ctx: CsCaseContext, handshake: TlsHandshake): void {
  const { check } = ctx;
  check.oneOf('negotiated TLS version', handshake.protocol, ['TLSv1.2', 'TLSv1.3']);
  const offered = handshake.clientHello?.cipherSuites ?? [];
  const has = (...suites: (keyof typeof OCPP_CIPHER_SUITES)[]) => suites.every((s) => offered.includes(s));
  const ok = has('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384') || has('TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384');
  check.that('cipher suites offered in the ClientHello', ok, 'both TLS_ECDHE_ECDSA_WITH_AES_(128_GCM_SHA256, 256_GCM_SHA384) or both TLS_RSA_WITH_AES_(128_GCM_SHA256, 256_GCM_SHA384)', offered.join(', ') || '(no ClientHello seen)');
}

/** The client-certificate checks of TC_A_07_CS (A00.FR.502/503/507/508/511): key size, X.509, serial number, CN = station identity. */
export function checkClientCertificate(ctx: CsCaseContext, handshake: TlsHandshake): void {
  const { check, config } = ctx;
  const sent = handshake.peerChain[0];
  check.that('client certificate sent', sent !== undefined, 'an X.509 client certificate', sent ? sent.subject : 'none');
  const leaf = sent as CertificateSummary;
  check.that('client certificate key size', keySizeProblem(leaf) === undefined, 'RSA at least 2048 bits, elliptic curve at least 224 bits', leaf.key);
  check.that('client certificate serial number', /^[0-9A-F]+$/.test(leaf.serialNumber), 'a serial number', leaf.serialNumber || '(none)');
  check.equal('client certificate subject CN', leaf.commonName, config.station.id);
}

/** The upgrade that follows a handshake: it must be accepted; with Basic auth (profiles 1 and 2) it must carry the station id and `password`. */
export async function acceptedUpgrade(ctx: CsCaseContext, watch: EndpointWatch, password: string | undefined): Promise<UpgradeAttempt> {
  const { check, config } = ctx;
  const attempt = await watch.nextAttempt(config.timeouts.connectMs);
  check.that('HTTP upgrade request of the station', attempt !== undefined && !attempt.refusal, 'an upgrade the harness accepts', attempt ? (attempt.refusal ? `refused: ${attempt.refusal.reason}` : 'accepted') : `none within ${config.timeouts.connectMs} ms`);
  if (password !== undefined && attempt?.profile !== 3) check.equal('Authorization header', attempt?.authorization, basicAuthHeader(config.station.id, password));
  return attempt as UpgradeAttempt;
}

/** Waits for a BootNotificationRequest (on any connection) and accepts it. */
export function bootAccepted(ctx: CsCaseContext, title: string): Promise<void> {
  return ctx.step(title, async () => {
    const boot = await ctx.csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: ctx.config.timeouts.connectMs });
    ctx.csms.answerBoot(boot, 'Accepted');
  });
}

/**
 * After a (re)start: every connector reported Available and a SecurityEventNotificationRequest of `required` type,
 * in any order; other SecurityEventNotificationRequests must be of an `optional` type.
 */
export async function reportsAfterStart(ctx: CsCaseContext, title: string, required: readonly string[], optional: readonly string[] = []): Promise<string[]> {
  const { step, csms, check } = ctx;
  const reports = connectorReports(ctx);
  const events: string[] = [];
  await step(title, async () => {
    while (!reports.complete || !events.some((type) => required.includes(type))) {
      const call = await csms.expect(['StatusNotification', 'NotifyEvent', 'SecurityEventNotification'], { acrossReconnect: true, description: `connector status reports and a SecurityEventNotification of type ${required.join(' or ')}` });
      if (call.action !== 'SecurityEventNotification') {
        reports.take(call as IncomingCall<'StatusNotification' | 'NotifyEvent'>);
        continue;
      }
      const event = call as IncomingCall<'SecurityEventNotification'>;
      check.oneOf('SecurityEventNotificationRequest.type', event.payload.type, [...required, ...optional]);
      events.push(event.payload.type);
      event.respond({});
    }
  });
  return events;
}

/** Waits for a SecurityEventNotificationRequest (any connection), checks its type and answers it. */
export function securityEvent(ctx: CsCaseContext, title: string, type: string): Promise<void> {
  return ctx.step(title, async () => {
    const event = await ctx.csms.expect('SecurityEventNotification', { acrossReconnect: true, timeoutMs: ctx.config.timeouts.connectMs, where: (call) => call.payload.type === type, description: `SecurityEventNotification of type ${type}` });
    ctx.check.equal('SecurityEventNotificationRequest.type', event.payload.type, type);
    event.respond({});
  });
}

/** What a CSR must satisfy in the A02 cases (RFC 2986 PEM; RSA 2048 / EC 224 bits, or EC at least 256 bits for ISO 15118). */
export type CsrRule = 'chargingStation' | 'v2g' | 'anyKey224';

/** The CSR checks of the SignCertificateRequest steps; returns what the CSR says. */
export async function checkCsr(ctx: CsCaseContext, csr: string, rule: CsrRule): Promise<CsrFacts> {
  const { check } = ctx;
  const facts = await inspectCsr(csr);
  check.that('SignCertificateRequest.csr is a PEM PKCS#10 request (RFC 2986)', facts.pem && facts.signatureValid, 'a PEM CERTIFICATE REQUEST whose signature verifies', facts.problem ?? `PEM ${facts.pem}, signature ${facts.signatureValid ? 'valid' : 'invalid'}`);
  const key = `${facts.keyAlgorithm} ${facts.keyBits} bits`;
  if (rule === 'chargingStation') check.that('CSR key size', keySizeProblem({ ...facts, key }) === undefined, 'RSA at least 2048 bits or elliptic curve at least 224 bits', key);
  if (rule === 'anyKey224') check.that('CSR key size', facts.keyBits >= 224, 'at least 224 bits', key);
  if (rule === 'v2g') check.that('CSR key (ISO 15118)', facts.keyAlgorithm === 'ec' && facts.keyBits >= 256, 'an elliptic-curve key of at least 256 bits', key);
  return facts;
}

/** The CA the harness signs a CSR with: the run's certificate authority for station certificates, V2G sub-CA 2 for V2G ones, the unknown root for a deliberately invalid one. */
export async function signerFor(ctx: CsCaseContext, kind: 'chargingStation' | 'v2g' | 'untrusted', csr: string): Promise<Credential> {
  const material = endpointsOf(ctx).material;
  if (kind === 'v2g') return material.credential('v2g-sub-ca-2', 'ec');
  const algorithm = (await inspectCsr(csr)).keyAlgorithm === 'rsa' ? 'rsa' : 'ec';
  return kind === 'untrusted' ? material.credential('unknown-root-ca' satisfies CredentialName, algorithm) : material.certificateAuthority(algorithm);
}

/** How a certificate renewal starts: the titles of its two steps, the answer to the SignCertificateRequest, and the certificateType the request must carry (when Part 6 says). */
export interface SigningSteps {
  readonly trigger: string;
  readonly sign: string;
  readonly answer?: 'Accepted' | 'Rejected';
  readonly certificateType?: 'ChargingStationCertificate' | 'V2GCertificate';
  /** The EVSE the TriggerMessageRequest names (the EVSE of an ISO15118Ctrlr); no evse when absent. */
  readonly evseId?: number;
  /** Text the subject CN of the CSR must contain (the SeccId a V2G certificate is for). */
  readonly commonNameContains?: string;
}

/** Steps of a certificate renewal up to the answered SignCertificateRequest; returns the request. */
export async function triggerSigning(ctx: CsCaseContext, requestedMessage: 'SignChargingStationCertificate' | 'SignV2GCertificate' | 'SignCombinedCertificate', rule: CsrRule, steps: SigningSteps): Promise<IncomingCall<'SignCertificate'>> {
  const { step, csms, check } = ctx;
  await step(steps.trigger, async () => {
    const response = await csms.call('TriggerMessage', { requestedMessage, ...(steps.evseId === undefined ? {} : { evse: { id: steps.evseId } }) });
    check.equal('TriggerMessageResponse.status', response.status, 'Accepted');
  });
  return step(steps.sign, async () => {
    const request = await csms.expect('SignCertificate');
    const facts = await checkCsr(ctx, request.payload.csr, rule);
    const { commonNameContains: part } = steps;
    if (part !== undefined) check.that('CSR subject CN', facts.commonName?.includes(part) === true, `contains "${part}"`, facts.commonName ?? '(no CN)');
    if (steps.certificateType) check.equal('SignCertificateRequest.certificateType', request.payload.certificateType, steps.certificateType);
    request.respond({ status: steps.answer ?? 'Accepted' });
    return request;
  });
}

/** The CertificateSignedRequest of a renewal: the harness signs the CSR with `signer`, sends the chain, and checks the status is one of `expected`. */
export async function sendSignedCertificate(ctx: CsCaseContext, title: string, csr: string, signer: Credential, certificateType: OcppRequests['CertificateSigned']['certificateType'], expected: readonly string[]): Promise<{ status: string; fingerprint256: string }> {
  return ctx.step(title, async () => {
    const signed = await signCsr(csr, signer);
    const response = await ctx.csms.call('CertificateSigned', { certificateChain: signed.chainPem, ...(certificateType ? { certificateType } : {}) });
    ctx.check.oneOf('CertificateSignedResponse.status', response.status, expected);
    return { status: response.status, fingerprint256: signed.summary.fingerprint256 };
  });
}

/**
 * Memory State RenewChargingStationCertificate: trigger, CSR, signed by the run's CA, Accepted; then (errata 2024-09)
 * with security profile 3 the station reconnects with the new certificate, which the harness checks.
 */
export async function renewChargingStationCertificate(ctx: CsCaseContext): Promise<void> {
  const { step, csms, check, config } = ctx;
  await step('Memory State RenewChargingStationCertificate', async () => {
    const request = await triggerSigning(ctx, 'SignChargingStationCertificate', 'chargingStation', { trigger: '1-2. harness sends TriggerMessageRequest (SignChargingStationCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest, harness accepts it' });
    const watch = endpointsOf(ctx).watch();
    try {
      const csr = request.payload.csr;
      const signed = await sendSignedCertificate(ctx, '5-6. harness sends CertificateSignedRequest with the signed CSR, station answers', csr, await signerFor(ctx, 'chargingStation', csr), 'ChargingStationCertificate', ['Accepted']);
      if (endpointsOf(ctx).profile !== 3) return;
      await step('7. station connects again with its new certificate', async () => {
        let handshake = await watch.nextHandshake(config.timeouts.connectMs, (h) => h.ok);
        if (!handshake) {
          // Errata 2024-09: when the station does not reconnect by itself, the harness drops the connection to make it.
          await csms.connection?.close(1000, 'reconnect with the new certificate');
          handshake = await watch.nextHandshake(config.timeouts.connectMs, (h) => h.ok);
        }
        check.equal('client certificate of the new connection (SHA-256)', handshake?.peerChain[0]?.fingerprint256, signed.fingerprint256);
        await csms.ensureAccepted();
      });
    } finally {
      watch.stop();
    }
  });
}

/**
 * Part 6's <Configured vendorId> where it becomes ISO15118Ctrlr.OrganizationName (the O of the SECC certificate): read as
 * the run's <Configured Organization>, security.organization. The DataTransfer vendor id is one the station must not
 * know (TC_P_01_CS), so it says nothing about who operates the SECC.
 */
export const seccOrganization = (config: RunConfig): string => config.security.organization;

/**
 * The ISO15118Ctrlr settings a V2G certificate renewal needs (RenewV2GChargingStationCertificate and the C07 Before):
 * installation of V2G certificates enabled, C NL and O the configured organization of the SECC certificate. Written for
 * a top-level ISO15118Ctrlr; the memory state applies them to each ISO15118Ctrlr the station reports.
 */
export const V2G_CERTIFICATE_SETTINGS: readonly ConfigurationSetting[] = [
  setting('ISO15118Ctrlr', 'V2GCertificateInstallationEnabled', 'true'),
  setting('ISO15118Ctrlr', 'CountryName', 'NL'),
  setting('ISO15118Ctrlr', 'OrganizationName', seccOrganization),
];

/** A reported variable of an ISO15118Ctrlr: its Actual value and mutability (ReadWrite when the report leaves it out). */
interface ReportedVariable {
  readonly value?: string;
  readonly mutability: MutabilityEnumType;
}

/** An ISO15118Ctrlr in the station's device model (top level, or of an EVSE) and its variables without instance, by name. */
export interface SeccController {
  readonly component: ComponentType;
  readonly variables: ReadonlyMap<string, ReportedVariable>;
}

/** The ISO15118Ctrlr components of a device-model report, in the order the report first names them. */
export function seccControllers(report: readonly ReportDataType[]): SeccController[] {
  const controllers = new Map<string, { component: ComponentType; variables: Map<string, ReportedVariable> }>();
  for (const { component, variable, variableAttribute } of report) {
    if (component.name !== 'ISO15118Ctrlr' || variable.instance !== undefined) continue;
    const { instance, evse } = component;
    const clean: ComponentType = { name: component.name, ...(instance === undefined ? {} : { instance }), ...(evse ? { evse: { id: evse.id, ...(evse.connectorId === undefined ? {} : { connectorId: evse.connectorId }) } } : {}) };
    const key = JSON.stringify(clean);
    const controller = controllers.get(key) ?? { component: clean, variables: new Map<string, ReportedVariable>() };
    controllers.set(key, controller);
    const actual = variableAttribute.find((attribute) => (attribute.type ?? 'Actual') === 'Actual');
    controller.variables.set(variable.name, { value: actual?.value, mutability: actual?.mutability ?? 'ReadWrite' });
  }
  return [...controllers.values()];
}

/** One renewal of the memory state: the SeccId it is for and the EVSE its TriggerMessageRequest names (none for a top-level ISO15118Ctrlr). */
export interface V2gRenewal {
  readonly seccId?: string;
  readonly evseId?: number;
}

/**
 * The renewals RenewV2GChargingStationCertificate makes: one per distinct non-empty SeccId, with the EVSE of an
 * ISO15118Ctrlr reporting it (a top-level one first, which needs no EVSE); EVSEs served by the same SECC report the
 * same SeccId and share one renewal. Without any SeccId, a single renewal that names no EVSE.
 */
export function v2gRenewals(controllers: readonly SeccController[]): V2gRenewal[] {
  const renewals = new Map<string, V2gRenewal>();
  const topLevelFirst = [...controllers].sort((a, b) => Number(a.component.evse !== undefined) - Number(b.component.evse !== undefined));
  for (const { component, variables } of topLevelFirst) {
    const seccId = variables.get('SeccId')?.value;
    if (seccId && !renewals.has(seccId)) renewals.set(seccId, { seccId, ...(component.evse ? { evseId: component.evse.id } : {}) });
  }
  return renewals.size > 0 ? [...renewals.values()] : [{}];
}

/**
 * Before of RenewV2GChargingStationCertificate: each of V2G_CERTIFICATE_SETTINGS on every ISO15118Ctrlr that reports the
 * variable ("if implemented"; a ReadOnly one cannot be prepared and stays as it is). A refusal makes the case
 * inconclusive. Returns what puts the reported values back.
 */
async function prepareSeccs(ctx: CsCaseContext, controllers: readonly SeccController[]): Promise<() => Promise<void>> {
  const { step, csms, config } = ctx;
  const changes: { readonly data: SetVariableDataType; readonly before?: string }[] = [];
  for (const { component, variables } of controllers) {
    for (const { variable, value } of V2G_CERTIFICATE_SETTINGS) {
      const reported = variables.get(variable.name);
      if (!reported || reported.mutability === 'ReadOnly') continue;
      changes.push({ data: { component, variable, attributeValue: typeof value === 'function' ? value(config) : value }, before: reported.value });
    }
  }
  if (changes.length === 0) {
    await step(`Before: no ISO15118Ctrlr of the station has ${V2G_CERTIFICATE_SETTINGS.map((s) => s.variable.name).join(', ')} writable; nothing to set`, () => undefined);
    return async () => undefined;
  }
  /** Puts back the reported values of the `made` changes that altered one. */
  const restore = async (made: typeof changes) => {
    const back = made.flatMap(({ data, before }) => (before === undefined || before === data.attributeValue ? [] : [{ ...data, attributeValue: before }]));
    if (back.length > 0 && csms.connection) await step('Afterwards: restore the ISO15118Ctrlr settings the memory state changed', () => csms.call('SetVariables', { setVariableData: back }));
  };
  const names = [...new Set(changes.map(({ data }) => data.variable.name))].join(', ');
  const set = await step(`Before: harness sets ISO15118Ctrlr ${names} (the ones the station implements)`, () => csms.call('SetVariables', { setVariableData: changes.map(({ data }) => data) }));
  const results = set.setVariableResult;
  const refused = results.filter((r) => r.attributeStatus !== 'Accepted');
  if (refused.length > 0) {
    await restore(changes.filter((_, index) => results[index]?.attributeStatus === 'Accepted'));
    const describe = (r: (typeof refused)[number]) => `${r.component.name}${r.component.evse ? `[EVSE ${r.component.evse.id}]` : ''}.${r.variable.name} ${r.attributeStatus}`;
    throw inconclusive('OCPPCT_PRECONDITION', `the station refused the ISO15118Ctrlr settings of RenewV2GChargingStationCertificate: ${refused.map(describe).join(', ')}`);
  }
  return () => restore(changes);
}

/** Steps 1-6 of RenewV2GChargingStationCertificate for one SECC: trigger (naming its EVSE), CSR (EC, CN with the SeccId), certificate from V2G sub-CA 2. */
async function renewV2gCertificate(ctx: CsCaseContext, { seccId, evseId }: V2gRenewal): Promise<void> {
  const evse = evseId === undefined ? '' : `, EVSE ${evseId}`;
  const cn = seccId === undefined ? '' : `, CN containing ${seccId}`;
  const request = await triggerSigning(ctx, 'SignV2GCertificate', 'v2g', {
    trigger: `1-2. harness sends TriggerMessageRequest (SignV2GCertificate${evse}), station accepts`,
    sign: `3-4. station sends SignCertificateRequest (EC key${cn}), harness accepts it`,
    certificateType: 'V2GCertificate',
    ...(evseId === undefined ? {} : { evseId }),
    ...(seccId === undefined ? {} : { commonNameContains: seccId }),
  });
  const csr = request.payload.csr;
  await sendSignedCertificate(ctx, '5-6. harness sends CertificateSignedRequest with the V2G certificate signed by V2G sub-CA 2, station accepts', csr, await signerFor(ctx, 'v2g', csr), 'V2GCertificate', ['Accepted']);
}

/**
 * Memory State RenewV2GChargingStationCertificate (A02/A03 for the SECC certificate). Before: a FullInventory report
 * tells which ISO15118Ctrlr components the station has and their SeccIds, then the ISO15118Ctrlr settings are prepared
 * where implemented (and put back afterwards). Then steps 1-6 once per distinct SeccId, naming the EVSE of its
 * ISO15118Ctrlr (see {@link v2gRenewals}); TriggerMessageResponse and CertificateSignedResponse must be Accepted, the
 * CSR an EC key of at least 256 bits whose CN contains the SeccId.
 */
export async function renewV2GChargingStationCertificate(ctx: CsCaseContext, title: string): Promise<void> {
  await ctx.step(title, async () => {
    const report = await baseReport(ctx, 'Before: harness reads the device model (GetBaseReportRequest FullInventory) for the ISO15118Ctrlr components and their SeccIds', 'FullInventory');
    const controllers = seccControllers(report);
    const restore = await prepareSeccs(ctx, controllers);
    let failed = false;
    try {
      const renewals = v2gRenewals(controllers);
      for (const renewal of renewals) {
        if (renewal.seccId === undefined) await renewV2gCertificate(ctx, renewal);
        else await ctx.step(`SECC ${renewal.seccId} (${renewal.evseId === undefined ? 'top-level ISO15118Ctrlr' : `ISO15118Ctrlr of EVSE ${renewal.evseId}`})`, () => renewV2gCertificate(ctx, renewal));
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await restore().catch((error: unknown) => {
        if (!failed) throw error; // the case's own failure is the reason to report, not the clean-up after it
      });
    }
  });
}

/** Memory State CertificateInstalled for the CSMS root: the harness installs the root it signs with (when the station runs without one). */
export async function installCsmsRoot(ctx: CsCaseContext, title: string): Promise<void> {
  await ctx.step(title, async () => {
    const root = await endpointsOf(ctx).material.certificateAuthority();
    const response = await ctx.csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: root.certificatePem });
    ctx.check.equal('InstallCertificateResponse.status', response.status, 'Accepted');
  });
}

/** The slot the station uses now and the other one the case may set (errata 2025-06: never overwrite the active slot). */
export async function configurationSlots(ctx: CsCaseContext): Promise<{ active: number; other: number }> {
  const { csms, config } = ctx;
  const read = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'ActiveNetworkProfile' } }] });
  const active = Number(read.getVariableResult[0]?.attributeValue ?? config.security.configurationSlot);
  const { configurationSlot, configurationSlot2 } = config.security;
  return { active, other: active === configurationSlot ? configurationSlot2 : configurationSlot };
}

/**
 * Steps 1-2 of the A05/B09 cases: a SetNetworkProfileRequest for `slot` pointing at the harness endpoint of `securityProfile`
 * (or at `csmsUrl`, another harness endpoint of that profile), whose status must be one of `expected`.
 */
export async function setNetworkProfile(ctx: CsCaseContext, title: string, slot: number, securityProfile: SecurityProfile, expected: readonly string[], csmsUrl?: string): Promise<void> {
  const { step, csms, config } = ctx;
  await step(title, async () => {
    const url = csmsUrl ?? (await endpointsOf(ctx).endpoint(securityProfile)).baseUrl;
    const response = await csms.call('SetNetworkProfile', {
      configurationSlot: slot,
      connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: url, messageTimeout: config.security.messageTimeout, securityProfile, ocppInterface: config.security.ocppInterface },
    });
    ctx.check.oneOf('SetNetworkProfileResponse.status', response.status, expected);
  });
}

/**
 * Before of TC_A_05_CS and TC_A_20_CS (errata 2025-02): NetworkConfigurationPriority holds only the active slot. Returns what puts the
 * previous value back (a no-op when nothing changed).
 */
export async function onlyActiveSlot(ctx: CsCaseContext): Promise<() => Promise<void>> {
  const { step, csms } = ctx;
  const priority = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } };
  const read = await step('Before: read NetworkConfigurationPriority and ActiveNetworkProfile', () => csms.call('GetVariables', { getVariableData: [priority, { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'ActiveNetworkProfile' } }] }));
  const [previous, active] = read.getVariableResult.map((r) => r.attributeValue);
  if (!active || previous === active) return async () => undefined;
  await step('Before: NetworkConfigurationPriority holds only the active slot', async () => {
    const response = await csms.call('SetVariables', { setVariableData: [{ ...priority, attributeValue: active }] });
    ctx.check.oneOf('SetVariablesResponse setVariableResult[0].attributeStatus', response.setVariableResult[0].attributeStatus, ['Accepted', 'RebootRequired']);
  });
  return async () => {
    if (previous !== undefined && csms.connection) await step('Afterwards: restore NetworkConfigurationPriority', () => csms.call('SetVariables', { setVariableData: [{ ...priority, attributeValue: previous }] }));
  };
}

/** SetVariablesRequest of OCPPCommCtrlr.NetworkConfigurationPriority, whose attributeStatus must be one of `expected`. */
export async function setNetworkPriority(ctx: CsCaseContext, title: string, value: string, expected: readonly string[]): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: value }] });
    ctx.check.oneOf('SetVariablesResponse setVariableResult[0].attributeStatus', response.setVariableResult[0].attributeStatus, expected);
  });
}
