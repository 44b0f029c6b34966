/** Block A of the reference CSMS: Basic auth and its password changes (A01), TLS endpoints per security profile and the upgrade of a station (A05), CSR signing (A02/A03) and OCSP answers. */
import { randomBytes } from 'node:crypto';
import type { OcppResponses } from '../../ocpp/generated';
import { issuerHashes, sameCertificate } from '../../pki/hash-data';
import { inspectCsr, signCsr } from '../../pki/csr';
import type { Credential } from '../../pki/certificates';
import type { CredentialName } from '../../pki/catalog';
import { ocspResponse } from '../../pki/ocsp';
import type { SecurityProfile, TlsOptions } from '../../transport/security';
import { OcppServer, type StationConnectionInfo } from '../../transport/server';
import type { OcppConnection } from '../../ocpp/connection';
import type { CsmsFault } from '../faults';
import type { CsmsFeature, CsmsRuntime } from './feature';
import type { ReferenceCsmsOptions } from './options';

type SignTrigger = 'SignChargingStationCertificate' | 'SignV2GCertificate' | 'SignCombinedCertificate';

/** What the CSMS remembers about security, per CSMS instance (keyed by its options, so the authenticator made before the instance sees it). */
interface SecurityState {
  /** The Basic-auth password each station must send now. */
  readonly passwords: Map<string, string>;
  /** The lowest security profile a station may still connect with (A05.FR.07), once it upgraded. */
  readonly minimumProfile: Map<string, SecurityProfile>;
  /** Upgrades under way: the profile a station was given with SetNetworkProfile, and the slot. */
  readonly upgrades: Map<string, { readonly profile: SecurityProfile; readonly slot: number }>;
  /** The message the CSMS triggered last per station, to know how to sign the CSR that follows. */
  readonly triggered: Map<string, SignTrigger>;
  /** Endpoints per security profile (the one at `options.port` included once started). */
  readonly endpoints: Map<SecurityProfile, Promise<OcppServer>>;
}

const states = new WeakMap<ReferenceCsmsOptions, SecurityState>();

function stateOf(options: ReferenceCsmsOptions): SecurityState {
  let state = states.get(options);
  if (!state) {
    state = { passwords: new Map(options.passwords ?? []), minimumProfile: new Map(), upgrades: new Map(), triggered: new Map(), endpoints: new Map() };
    states.set(options, state);
  }
  return state;
}

const has = (options: ReferenceCsmsOptions, fault: CsmsFault): boolean => options.faults?.has(fault) ?? false;

/** The security profile of the endpoint at `options.port`. */
export function primaryProfile(options: ReferenceCsmsOptions): SecurityProfile {
  return options.security?.profile ?? (options.tls ? (options.tls.requestClientCertificate ? 3 : 2) : 1);
}

/**
 * The Basic-auth and profile check of an endpoint serving `profile` (A00.FR.207, A01.FR.03/04, A05.FR.07). Returns the
 * OcppServer `authenticate` callback.
 */
export function csmsAuthenticator(options: ReferenceCsmsOptions, profile: SecurityProfile = primaryProfile(options)) {
  const state = stateOf(options);
  return (stationId: string, credentials: { user: string; password: string } | undefined): string | undefined => {
    const minimum = state.minimumProfile.get(stationId);
    if (minimum !== undefined && profile < minimum && !has(options, 'security.acceptsLowerProfileAfterUpgrade')) return `station ${stationId} uses security profile ${minimum} now, not ${profile}`;
    const upgrade = state.upgrades.get(stationId);
    if (upgrade && profile >= upgrade.profile) state.minimumProfile.set(stationId, upgrade.profile); // A05.FR.06/07: connected with the new profile
    if (profile === 3) return undefined; // the client certificate identifies the station
    const required = state.passwords.get(stationId);
    if (required === undefined) return undefined;
    if (!credentials) return 'Basic authentication required';
    if (credentials.user !== stationId && !has(options, 'security.acceptsWrongUser')) return 'the user name is not the station id';
    return credentials.password === required || has(options, 'security.acceptsAnyPassword') ? undefined : 'wrong password';
  };
}

/** The TLS an endpoint of `profile` serves, with the reference CSMS's faults applied; undefined for profile 1. */
export async function csmsServerTls(options: ReferenceCsmsOptions, profile: SecurityProfile = primaryProfile(options)): Promise<TlsOptions | undefined> {
  if (profile === 1) return undefined;
  const material = options.security?.material;
  const base = material ? await material.serverTls(profile, has(options, 'security.missingCipherSuites') ? [(await material.csmsServerCredentials())[0]] : undefined) : options.tls;
  if (!base) throw new Error(`the reference CSMS has no TLS material for security profile ${profile}`);
  return {
    ...base,
    ...(has(options, 'security.acceptsOldTls') ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    ...(has(options, 'security.acceptsInvalidClientCertificate') ? { requestClientCertificate: false } : {}),
  };
}

/** The URL of the reference CSMS's endpoint for `profile` (opened on first use), without station id. */
export async function referenceCsmsEndpoint(csms: { readonly options: ReferenceCsmsOptions; readonly server: OcppServer }, profile: SecurityProfile): Promise<string> {
  return (await endpointFor(csms.options, csms.server, profile)).baseUrl;
}

function endpointFor(options: ReferenceCsmsOptions, primary: OcppServer, profile: SecurityProfile): Promise<OcppServer> {
  const state = stateOf(options);
  if (!state.endpoints.has(primaryProfile(options))) state.endpoints.set(primaryProfile(options), Promise.resolve(primary));
  let endpoint = state.endpoints.get(profile);
  if (!endpoint) {
    endpoint = csmsServerTls(options, profile).then(async (tls) => {
      const server = await OcppServer.listen({ port: 0, host: options.host, path: options.path, tls, callTimeoutMs: options.timeoutMs, authenticate: csmsAuthenticator(options, profile) });
      // Stations on this endpoint are the CSMS's stations like any other.
      server.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => primary.emit('connection', connection, info));
      primary.closeWith(server);
      return server;
    });
    state.endpoints.set(profile, endpoint);
  }
  return endpoint;
}

/** A passwordString of 24 characters for A01. */
const newPassword = (): string => `ocppct-${randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 17)}`;

/** The Block A feature of the reference CSMS. `primary` is its endpoint at `options.port`. */
export function csmsSecurityFeature(csms: CsmsRuntime, primary: OcppServer): CsmsFeature {
  const { options } = csms;
  const state = stateOf(options);
  const material = options.security?.material;
  const settings = material?.config.security;

  const signerFor = async (stationId: string, certificateType: string | undefined, csr: string): Promise<Credential> => {
    if (!material) throw new Error('the reference CSMS has no certificate authority configured');
    const trigger = state.triggered.get(stationId);
    if (certificateType === 'V2GCertificate' || (certificateType === undefined && trigger !== 'SignChargingStationCertificate' && trigger !== undefined)) return material.credential('v2g-sub-ca-2', 'ec');
    return material.certificateAuthority((await inspectCsr(csr)).keyAlgorithm === 'rsa' ? 'rsa' : 'ec');
  };

  /** OCSP for GetCertificateStatus: the issuer is looked up among the CAs of the run's PKI by its hashes. */
  const ocspFor = async (request: { hashAlgorithm: 'SHA256' | 'SHA384' | 'SHA512'; issuerNameHash: string; issuerKeyHash: string; serialNumber: string }): Promise<OcppResponses['GetCertificateStatus']> => {
    if (!material) return { status: 'Failed', statusInfo: { reasonCode: 'NoResponder' } };
    const names: [CredentialName, 'rsa' | 'ec'][] = [['v2g-sub-ca-2', 'ec'], ['v2g-sub-ca-1', 'ec'], ['v2g-root-ca', 'ec'], ['mo-sub-ca-2', 'ec'], ['mo-sub-ca-1', 'ec'], ['mo-root-ca', 'ec'], ['csms-root-ca', 'ec'], ['csms-root-ca', 'rsa']];
    for (const [name, algorithm] of names) {
      const issuer = await material.credential(name, algorithm);
      if (!sameCertificate({ ...issuerHashes(issuer.certificatePem, request.hashAlgorithm), serialNumber: request.serialNumber }, request)) continue;
      const der = ocspResponse({ certId: request, certStatus: { status: 'good' }, responder: issuer, validForSeconds: 3600 });
      return { status: 'Accepted', ocspResult: der.toString('base64') };
    }
    return { status: 'Failed', statusInfo: { reasonCode: 'UnknownIssuer' } };
  };

  return {
    handlers: {
      SignCertificate: async (call, session) => {
        const { csr, certificateType } = call.payload;
        const facts = await inspectCsr(csr);
        if (has(options, 'certificates.signRejected') || !facts.signatureValid || !material) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCSR', additionalInfo: facts.problem?.slice(0, 512) } };
        setTimeout(() => {
          void (async () => {
            const signed = await signCsr(csr, await signerFor(session.stationId, certificateType, csr));
            // A02.FR.14: the certificateType of the request goes back with the certificate.
            const type = has(options, 'certificates.wrongCertificateType') && certificateType === 'ChargingStationCertificate' ? 'V2GCertificate' : certificateType;
            await csms.call(session.stationId, 'CertificateSigned', { certificateChain: signed.chainPem, ...(type ? { certificateType: type } : {}) });
          })().catch((error: Error) => csms.log(`CertificateSigned for ${session.stationId} failed: ${error.message}`));
        }, 0);
        return { status: 'Accepted' };
      },
      GetCertificateStatus: (call) => (has(options, 'certificates.statusFailed') ? { status: 'Failed' as const } : ocspFor(call.payload.ocspRequestData)),
    },

    async perform(action) {
      switch (action.kind) {
        case 'triggerCertificateSigning': {
          const requestedMessage = has(options, 'certificates.wrongTrigger') ? 'SignChargingStationCertificate' : action.requestedMessage;
          state.triggered.set(action.stationId, requestedMessage);
          await csms.call(action.stationId, 'TriggerMessage', { requestedMessage });
          return true;
        }
        case 'updateBasicAuthPassword': {
          const password = newPassword();
          const response = await csms.call(action.stationId, 'SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: password }] });
          const accepted = response.setVariableResult[0]?.attributeStatus === 'Accepted';
          // A01.FR.03: after Accepted only the new password; A01.FR.04: otherwise keep the old one.
          if ((accepted && !has(options, 'security.forgetsNewPassword')) || (!accepted && has(options, 'security.dropsOldPasswordOnRejection'))) state.passwords.set(action.stationId, password);
          return true;
        }
        case 'setNetworkProfile': {
          if (has(options, 'networkProfile.notSent')) return true;
          const endpoint = await endpointFor(options, primary, action.securityProfile);
          const asked = action.configurationSlot ?? settings?.configurationSlot2 ?? 2;
          const slot = has(options, 'networkProfile.wrongSlot') ? asked + 1 : asked;
          const response = await csms.call(action.stationId, 'SetNetworkProfile', {
            configurationSlot: slot,
            connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: endpoint.baseUrl, messageTimeout: settings?.messageTimeout ?? 30, securityProfile: action.securityProfile, ocppInterface: settings?.ocppInterface ?? 'Wired0' },
          });
          if (response.status === 'Accepted') state.upgrades.set(action.stationId, { profile: action.securityProfile, slot });
          return true;
        }
        case 'setNetworkConfigurationPriority': {
          const upgrade = state.upgrades.get(action.stationId);
          if (!upgrade) throw new Error(`no network connection profile was set for ${action.stationId}`);
          await csms.call(action.stationId, 'SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: String(upgrade.slot) }] });
          return true;
        }
        default:
          return false;
      }
    },
  };
}
