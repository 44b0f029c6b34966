/** Block A of the reference station: security profiles 1-3 with network connection profiles and the A05 upgrade, the Basic-auth password (A01), certificate renewal (A02/A03), certificate management and security events. */
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { CertificateHashDataChainType, GetCertificateIdUseEnumType, InstallCertificateUseEnumType, NetworkConnectionProfileType } from '../../ocpp/generated/definitions';
import { certificateHashData } from '../../pki/hash-data';
import { chainProblem, certifiesKey } from '../../pki/verify';
import { createCsr, createCsrWithKey, type CertificateRequest } from '../../pki/csr';
import { parseCertificates, type SubjectFields } from '../../pki/certificates';
import { ConnectError, type ConnectOptions } from '../../transport/client';
import type { SecurityProfile, TlsHandshake, TlsOptions } from '../../transport/security';
import type { StationFeature, StationRuntime } from './feature';
import type { ReferenceStationSecurity } from './options';

/** The security feature also decides how the station connects, and hears about failed attempts. */
export interface StationSecurityFeature extends StationFeature {
  /** URL, credentials and TLS of the next connection attempt: the network profile first in NetworkConfigurationPriority (A05.FR.05), or the next after repeated failures. */
  connection(): Pick<ConnectOptions, 'csmsUrl' | 'password' | 'user' | 'tls' | 'onTls'>;
  /** The attempt `connection()` described was accepted: its slot becomes the last successful one (B10.FR.07). */
  connected(): void;
  /** A connection attempt failed: queue the security event it calls for (A00.FR.310/316) and fall back to the next profile when the attempts are used up. */
  connectFailed(error: unknown): void;
  /** The installed certificates of one root type (PEM), e.g. the MO and V2G roots a contract certificate is validated against (C07). */
  trustedRoots(type: InstallCertificateUseEnumType): readonly string[];
  /** Block M (issue 15): the certificate store the certificate feature manages. */
  readonly certificates: StationCertificates;
}

/** Block M (issue 15): what the certificate feature (certificate-store.ts) works on: the installed roots, in place, and the station's own certificates. */
export interface StationCertificates {
  /** The installed CA certificates; the array itself, so changes take effect for TLS and firmware checks at once. */
  readonly installed: InstalledCertificate[];
  /** The ChargingStationCertificate chain (PEM, leaf first), if any. */
  ownCertificate(): string | undefined;
  /** Forgets the ChargingStationCertificate (what a station must refuse to do on DeleteCertificate, M04.FR.06). */
  forgetOwnCertificate(): void;
  /** The CertificateHashDataChain entries of the installed certificates of `types` (all when empty), V2G chain included. */
  hashChain(types: readonly GetCertificateIdUseEnumType[] | undefined): CertificateHashDataChainType[];
  /** Called with the TLS handshake of every connection the CSMS accepted (M05.FR.13/14: which CSMS root it was validated with). */
  afterConnect?: (handshake: TlsHandshake | undefined) => void;
  /**
   * The CSMS roots a connection is validated with while a new CSMS root waits for its first connection (M05.FR.14-16),
   * when they differ from every installed one: `migrating` says the attempt uses another network profile than the last
   * connection did. `partial`: the roots are not self-signed and anchor the chain themselves.
   */
  csmsTrust?: (migrating: boolean) => { readonly ca: readonly string[]; readonly partial: boolean } | undefined;
}

type SecurityEventType = 'InvalidCsmsCertificate' | 'InvalidTLSVersion' | 'InvalidChargingStationCertificate';

/** A signing request waiting for its CertificateSignedRequest (A02.FR.17-19). */
interface PendingCsr {
  readonly request: CertificateRequest;
  readonly certificateType?: 'ChargingStationCertificate' | 'V2GCertificate';
  resends: number;
  timer?: NodeJS.Timeout;
}

/** One installed CA certificate. */
export interface InstalledCertificate {
  readonly certificateType: InstallCertificateUseEnumType;
  readonly pem: string;
}

const CERTIFICATE_FAILURES = new Set(['expired', 'not yet valid', 'unknown CA', 'self-signed', 'CN mismatch', 'wrong key usage']);

/** What a station without explicit security settings starts with: profile 1 on ws://, 2 (3 with a client certificate) on wss://. */
function defaultSecurity(station: StationRuntime): ReferenceStationSecurity {
  const { csmsUrl, tls } = station.options;
  const ca = tls?.ca === undefined ? [] : (Array.isArray(tls.ca) ? tls.ca : [tls.ca]).map(String);
  const profile: SecurityProfile = !csmsUrl.startsWith('wss:') ? 1 : tls?.cert ? 3 : 2;
  const stationCertificate = tls?.cert && tls.key ? { chainPem: String(tls.cert), privateKeyPem: String(tls.key) } : undefined;
  return { securityProfile: profile, csmsRootCertificates: ca, stationCertificate, keyAlgorithm: 'ec' };
}

/** The Block A feature of the reference station. `reconnect` drops the connection so the station connects again with what `connection()` says. */
export function securityFeature(station: StationRuntime, reconnect: () => void): StationSecurityFeature {
  const { deviceModel } = station;
  const settings = station.options.security ?? defaultSecurity(station);
  const profiles = new Map<number, { url: string; securityProfile: SecurityProfile; data?: NetworkConnectionProfileType }>([[1, { url: station.options.csmsUrl, securityProfile: settings.securityProfile }]]);
  const installed: InstalledCertificate[] = [
    ...settings.csmsRootCertificates.map((pem) => ({ certificateType: 'CSMSRootCertificate' as const, pem })),
    ...(settings.v2gRootCertificates ?? []).map((pem) => ({ certificateType: 'V2GRootCertificate' as const, pem })),
    ...(settings.manufacturerRootCertificates ?? []).map((pem) => ({ certificateType: 'ManufacturerRootCertificate' as const, pem })),
  ];
  let own = settings.stationCertificate;
  let v2g: { chainPem: string; privateKeyPem: string } | undefined;
  let switchTimer: NodeJS.Timeout | undefined;
  const pending = new Map<string, PendingCsr>();
  const queued = new Set<SecurityEventType>();
  let attemptIndex = 0;
  let failures = 0;
  /** The slot of the attempt under way, and the one the station last connected with (B10.FR.07). */
  let attemptSlot: number | undefined;
  let lastSuccessful: number | undefined;
  const initialPassword = station.options.password;

  deviceModel.set('SecurityCtrlr', 'SecurityProfile', String(settings.securityProfile));
  // The slots a network connection profile may go into: the values NetworkConfigurationPriority allows.
  const configurationSlots = (deviceModel.report('FullInventory').find((d) => d.component.name === 'OCPPCommCtrlr' && d.variable.name === 'NetworkConfigurationPriority')?.variableCharacteristics?.valuesList ?? '1')
    .split(',')
    .map(Number);
  const currentProfile = (): SecurityProfile => Number(deviceModel.getString('SecurityCtrlr', 'SecurityProfile') || '1') as SecurityProfile;
  const roots = (type: InstallCertificateUseEnumType) => installed.filter((c) => c.certificateType === type).map((c) => c.pem);
  // Fault security.ignoresNewCsmsRoot: TLS trusts only the CSMS roots the station started with.
  const trustedCsmsRoots = () => (station.has('security.ignoresNewCsmsRoot') ? roots('CSMSRootCertificate').filter((pem) => settings.csmsRootCertificates.includes(pem)) : roots('CSMSRootCertificate'));
  const priority = () => deviceModel.getList('OCPPCommCtrlr', 'NetworkConfigurationPriority').map(Number).filter((slot) => profiles.has(slot));
  const numberOr = (component: string, variable: string, fallback: number) => (deviceModel.has(component, variable) ? deviceModel.getNumber(component, variable) : fallback);

  // One security event at a time: OCPP-J allows a single outstanding CALL.
  let events: Promise<unknown> = Promise.resolve();
  const sendEvent = (type: SecurityEventType, techInfo: string): Promise<unknown> =>
    (events = events.then(() => station.send('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo: techInfo.slice(0, 255) })));

  /** A05.FR.02/03: a higher profile needs a CSMS root (2 and 3) and a station certificate (3). Returns why not, or undefined. */
  const upgradeRefusal = (value: string) => {
    if (station.has('security.upgradeWithoutCertificates')) return undefined;
    for (const slot of value.split(',').map((s) => Number(s.trim()))) {
      const profile = profiles.get(slot);
      if (!profile) return { reasonCode: 'InvalidValue', additionalInfo: `configuration slot ${slot} holds no network connection profile` };
      if (profile.securityProfile <= currentProfile()) continue;
      if (roots('CSMSRootCertificate').length === 0) return { reasonCode: 'NoCertificate', additionalInfo: `slot ${slot} needs security profile ${profile.securityProfile}: no CSMSRootCertificate installed` };
      if (profile.securityProfile === 3 && !own) return { reasonCode: 'NoCertificate', additionalInfo: `slot ${slot} needs security profile 3: no ChargingStationCertificate installed` };
    }
    return undefined;
  };
  deviceModel.guard('OCPPCommCtrlr', 'NetworkConfigurationPriority', upgradeRefusal);

  // A01: a new password takes effect by connecting again with it.
  deviceModel.onChange((change) => {
    if (change.component.name === 'SecurityCtrlr' && change.variable.name === 'BasicAuthPassword') station.later(0, reconnect);
  });

  const tlsFor = (profile: SecurityProfile, migrating = false): TlsOptions | undefined => {
    if (profile === 1) return undefined;
    const trust = certificates.csmsTrust?.(migrating);
    const client = profile === 3 && own && !station.has('security.noClientCertificate') ? { cert: own.chainPem, key: own.privateKeyPem } : {};
    const oldTls = station.has('security.acceptsOldTls') ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {};
    const noOcppSuites = station.has('security.noOcppCipherSuites') ? { ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256' } : {};
    return { ca: trust ? [...trust.ca] : trustedCsmsRoots(), ...(trust?.partial ? { allowPartialTrustChain: true } : {}), ...client, ...oldTls, ...noOcppSuites, ...(station.has('security.acceptsInvalidServerCertificate') ? { rejectUnauthorized: false } : {}) };
  };

  /**
   * The subject of a CSR: the station identity and SecurityCtrlr.OrganizationName, except for a V2G certificate when the
   * ISO15118Ctrlr of `evseId` (the top-level one when that EVSE has none) has a SeccId: then CN SeccId, O and C its
   * OrganizationName and CountryName when set (A02 alternative scenario step 2.4, Part 2 2.14.9-11).
   */
  const csrSubject = (certificateType: PendingCsr['certificateType'], evseId: number | undefined): SubjectFields => {
    const identity = { commonName: deviceModel.getString('SecurityCtrlr', 'Identity'), organization: deviceModel.getString('SecurityCtrlr', 'OrganizationName') };
    if (certificateType !== 'V2GCertificate' || station.has('certificates.v2gCsrWithoutSeccId')) return identity;
    const ofEvse = evseId === undefined ? undefined : { name: 'ISO15118Ctrlr', evse: { id: evseId } };
    const secc = ofEvse && deviceModel.has(ofEvse, 'SeccId') ? ofEvse : 'ISO15118Ctrlr';
    const value = (variable: string) => (deviceModel.has(secc, variable) ? deviceModel.getString(secc, variable) : '');
    if (!value('SeccId')) return identity;
    return { commonName: value('SeccId'), organization: value('OrganizationName') || identity.organization, ...(value('CountryName') ? { country: value('CountryName') } : {}) };
  };

  const makeCsr = async (certificateType: PendingCsr['certificateType'], evseId: number | undefined): Promise<CertificateRequest> => {
    const v2gKey = certificateType !== 'ChargingStationCertificate';
    const subject = csrSubject(certificateType, evseId);
    if (station.has('certificates.weakCsrKey')) return weakCsr(subject);
    return createCsr(subject, v2gKey ? 'ec' : settings.keyAlgorithm);
  };

  /** Sends SignCertificateRequest for a pending CSR; when accepted, resends after CertSigningWaitMinimum, doubling each time, CertSigningRepeatTimes times at most. */
  const requestSigning = async (key: string, csr: PendingCsr): Promise<void> => {
    const response = await station.send('SignCertificate', { csr: csr.request.csrPem, ...(csr.certificateType ? { certificateType: csr.certificateType } : {}) });
    if (response?.status !== 'Accepted' || pending.get(key) !== csr) return;
    // CertSigningRepeatTimes counts the doublings (A02.FR.18/19): the wait minimum, then that many doubled waits.
    if (csr.resends > numberOr('SecurityCtrlr', 'CertSigningRepeatTimes', 3)) return;
    const waitSeconds = numberOr('SecurityCtrlr', 'CertSigningWaitMinimum', 60) * 2 ** csr.resends * (station.has('certificates.resendTooEarly') ? 0.5 : 1);
    clearTimeout(csr.timer);
    csr.timer = setTimeout(() => {
      if (pending.get(key) !== csr) return;
      csr.resends += 1;
      void requestSigning(key, csr);
    }, waitSeconds * 1000);
  };

  const startSigning = (certificateType: PendingCsr['certificateType']) => async (evseId?: number) => {
    const key = certificateType ?? 'Combined';
    const previous = pending.get(key);
    clearTimeout(previous?.timer);
    const csr: PendingCsr = { request: await makeCsr(certificateType, evseId), certificateType, resends: 0 };
    pending.set(key, csr);
    await requestSigning(key, csr);
  };

  /** A02.FR.06: the certificate certifies the pending key, is valid now, has the station's CN, and chains to an installed root of its kind. */
  const certificateProblem = async (chainPem: string, csr: PendingCsr | undefined, type: 'ChargingStationCertificate' | 'V2GCertificate'): Promise<string | undefined> => {
    const [leaf] = parseCertificates(chainPem);
    if (!leaf) return 'the certificateChain holds no PEM certificate';
    if (!csr) return `no ${type} signing request is pending`;
    if (!certifiesKey(leaf, await publicKeyOf(csr.request))) return 'the certificate does not certify the key of the pending CSR';
    const commonName = leaf.subjectName.getField('CN')[0];
    if (type === 'ChargingStationCertificate' && commonName !== deviceModel.getString('SecurityCtrlr', 'Identity')) return `CN "${commonName}" is not the station identity`;
    const trusted = type === 'V2GCertificate' || csr.certificateType === undefined ? roots('V2GRootCertificate') : [];
    return chainProblem(chainPem, [...trusted, ...(type === 'ChargingStationCertificate' ? roots('CSMSRootCertificate') : [])]);
  };

  const onCertificateSigned = async (request: OcppRequests['CertificateSigned']): Promise<OcppResponses['CertificateSigned']> => {
    const type = request.certificateType ?? 'ChargingStationCertificate';
    const key = request.certificateType ?? (pending.has('Combined') ? 'Combined' : 'ChargingStationCertificate');
    const csr = pending.get(key);
    if (station.has('certificates.acceptsInvalidCertificate')) return { status: 'Accepted' };
    const problem = await certificateProblem(request.certificateChain, csr, type);
    if (problem || !csr) {
      // A02.FR.07: discard, answer Rejected, raise InvalidChargingStationCertificate.
      station.later(0, () => void sendEvent('InvalidChargingStationCertificate', problem ?? 'no pending request'));
      return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: (problem ?? '').slice(0, 512) } };
    }
    clearTimeout(csr.timer);
    pending.delete(key);
    const credential = { chainPem: request.certificateChain, privateKeyPem: csr.request.privateKeyPem };
    // A combined certificate serves ISO 15118 here; the TLS connection keeps the certificate of the CSMS hierarchy.
    if (type === 'V2GCertificate' || key === 'Combined') v2g = credential;
    else {
      own = credential;
      // A02.FR.08: switch to the new certificate by connecting again with it, once the CSMS has sent what it had to send.
      if (currentProfile() === 3) {
        clearTimeout(switchTimer);
        switchTimer = setTimeout(reconnect, station.options.timeoutMs);
      }
    }
    return { status: 'Accepted' };
  };

  const hashChain = (types: readonly GetCertificateIdUseEnumType[] | undefined): CertificateHashDataChainType[] => {
    const wanted = (type: GetCertificateIdUseEnumType) => !types?.length || types.includes(type);
    const chains: CertificateHashDataChainType[] = installed.filter((c) => wanted(c.certificateType)).map((c) => ({ certificateType: c.certificateType, certificateHashData: certificateHashData(c.pem, c.pem) }));
    if (v2g && wanted('V2GCertificateChain')) {
      const [leaf, ...subs] = parseCertificates(v2g.chainPem);
      const issuerOf = (index: number) => subs[index] ?? parseCertificates(roots('V2GRootCertificate').join(''))[0] ?? leaf;
      chains.push({
        certificateType: 'V2GCertificateChain',
        certificateHashData: certificateHashData(leaf, issuerOf(0)),
        ...(subs.length ? { childCertificateHashData: subs.map((sub, i) => certificateHashData(sub, issuerOf(i + 1))) } : {}),
      });
    }
    return chains;
  };

  const configure = (securityProfile: SecurityProfile, csmsUrl: string) => {
    profiles.clear();
    profiles.set(1, { url: csmsUrl, securityProfile });
    if (securityProfile >= 2 && roots('CSMSRootCertificate').length === 0) installed.push(...settings.csmsRootCertificates.map((pem) => ({ certificateType: 'CSMSRootCertificate' as const, pem })));
    if (securityProfile === 3 && !own) own = settings.stationCertificate;
    deviceModel.set('OCPPCommCtrlr', 'NetworkConfigurationPriority', '1');
    if (deviceModel.has('OCPPCommCtrlr', 'ActiveNetworkProfile')) deviceModel.set('OCPPCommCtrlr', 'ActiveNetworkProfile', '1');
    deviceModel.set('SecurityCtrlr', 'SecurityProfile', String(securityProfile));
    attemptIndex = 0;
    failures = 0;
    lastSuccessful = undefined;
    reconnect();
  };

  /**
   * The slot of the next attempt (B10.FR.03/04/07): the entries of NetworkConfigurationPriority in turn, from the first
   * after every (re)start, each for NetworkProfileConnectionAttempts attempts; once all of them failed, the slot the
   * station last connected with (reconnecting there), or the first entry again when it never connected.
   */
  const nextSlot = (): number => {
    let slots = priority();
    if (slots.length === 0) return 1;
    if (station.has('networkProfile.ignoresPriority') && lastSuccessful !== undefined && slots.includes(lastSuccessful)) slots = [lastSuccessful, ...slots.filter((s) => s !== lastSuccessful)];
    if (station.has('networkProfile.noFallback')) return slots[0];
    if (attemptIndex < slots.length) return slots[attemptIndex];
    if (lastSuccessful !== undefined && profiles.has(lastSuccessful) && !station.has('networkProfile.noLastSuccessfulFallback')) return lastSuccessful;
    return slots[attemptIndex % slots.length];
  };

  let lastHandshake: TlsHandshake | undefined;
  const certificates: StationCertificates = {
    installed,
    ownCertificate: () => own?.chainPem,
    forgetOwnCertificate: () => void (own = undefined),
    hashChain,
  };

  return {
    trustedRoots: roots,
    certificates,

    connected() {
      certificates.afterConnect?.(lastHandshake);
      // The next attempt (after a reboot or a lost connection) starts from the first entry again (B10.FR.04).
      lastSuccessful = attemptSlot;
      attemptIndex = 0;
      failures = 0;
      // The slot in use from this connection on, not only once the boot reports are done: a CSMS may read it at once.
      if (lastSuccessful !== undefined && deviceModel.has('OCPPCommCtrlr', 'ActiveNetworkProfile')) deviceModel.set('OCPPCommCtrlr', 'ActiveNetworkProfile', String(lastSuccessful));
    },

    connection() {
      const slot = (attemptSlot = nextSlot());
      const profile = profiles.get(slot) ?? { url: station.options.csmsUrl, securityProfile: currentProfile() };
      const password = station.has('security.keepsOldPassword') ? initialPassword : deviceModel.get('SecurityCtrlr', 'BasicAuthPassword');
      const user = station.has('security.wrongAuthorizationUser') ? `${deviceModel.getString('SecurityCtrlr', 'Identity')}-user` : undefined;
      lastHandshake = undefined;
      // Another profile than the one of the last connection: a migration to another CSMS (B10), which M05.FR.15 treats apart.
      const migrating = lastSuccessful !== undefined && slot !== lastSuccessful;
      return { csmsUrl: profile.url, password: profile.securityProfile === 3 ? undefined : password, user, tls: tlsFor(profile.securityProfile, migrating), onTls: (handshake: TlsHandshake) => void (lastHandshake = handshake) };
    },

    connectFailed(error) {
      const kind = error instanceof ConnectError ? error.tls?.failure?.kind : undefined;
      if (kind && CERTIFICATE_FAILURES.has(kind)) queued.add('InvalidCsmsCertificate');
      if (kind === 'protocol version') queued.add('InvalidTLSVersion');
      failures += 1;
      if (failures >= Math.max(1, numberOr('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', 3))) {
        failures = 0;
        attemptIndex += 1;
      }
    },

    async onAccepted() {
      const slots = priority();
      // The slot of the connection that was accepted (the attempt counters start over with the next attempt, see connection()).
      const slot = lastSuccessful ?? nextSlot();
      const profile = profiles.get(slot);
      if (profile && profile.securityProfile > currentProfile()) {
        // A05.FR.06: the new profile works; record it and forget every profile below it.
        deviceModel.set('SecurityCtrlr', 'SecurityProfile', String(profile.securityProfile));
        if (!station.has('security.keepsLowerProfiles')) {
          for (const [other, p] of profiles) if (p.securityProfile < profile.securityProfile) profiles.delete(other);
          deviceModel.set('OCPPCommCtrlr', 'NetworkConfigurationPriority', slots.filter((s) => profiles.has(s)).join(','));
        }
      }
      for (const type of [...queued]) {
        queued.delete(type);
        await sendEvent(type, type === 'InvalidTLSVersion' ? 'the CSMS offered a TLS version below 1.2' : 'the CSMS server certificate was not valid');
      }
    },

    handlers: {
      SetNetworkProfile: (call) => {
        const { configurationSlot, connectionData } = call.payload;
        if (!configurationSlots.includes(configurationSlot) && !station.has('networkProfile.acceptsInvalidProfile')) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidConfSlot' } };
        // B09.FR.04 / A00.FR.005: never below the security profile in use.
        if (connectionData.securityProfile < currentProfile() && !station.has('security.acceptsDowngrade')) return { status: 'Rejected', statusInfo: { reasonCode: 'NoSecurityDowngrade' } };
        if (connectionData.securityProfile < 1 || connectionData.securityProfile > 3 || connectionData.ocppVersion !== 'OCPP20') return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRequest' } };
        profiles.set(configurationSlot, { url: connectionData.ocppCsmsUrl, securityProfile: connectionData.securityProfile as SecurityProfile, data: connectionData });
        return { status: 'Accepted' };
      },
      CertificateSigned: (call) => onCertificateSigned(call.payload),
      ...(station.has('security.acceptsShortPassword') ? { SetVariables: (call: { payload: OcppRequests['SetVariables'] }) => ({ setVariableResult: acceptPasswordsBlindly(station, call.payload) }) } : {}),
    },

    triggers: {
      SignChargingStationCertificate: { send: startSigning('ChargingStationCertificate'), accepts: () => !station.has('certificates.triggerRejected') },
      SignV2GCertificate: { send: startSigning('V2GCertificate'), accepts: () => !station.has('certificates.triggerRejected') },
      // Part 5 AQ-11 (issue 14): a station without it answers such a trigger NotImplemented (TC_F_27_CS).
      ...(station.options.signCombinedCertificate === false ? {} : { SignCombinedCertificate: { send: startSigning(undefined), accepts: () => !station.has('certificates.triggerRejected') } }),
    },

    perform(action) {
      if (action.kind === 'configureSecurityProfile') {
        configure(action.securityProfile, action.csmsUrl);
        return true;
      }
      if (action.kind === 'removeCertificate') {
        if (action.certificateType === 'ChargingStationCertificate') own = undefined;
        else for (let i = installed.length - 1; i >= 0; i--) if (installed[i].certificateType === action.certificateType) installed.splice(i, 1);
        return true;
      }
      return false;
    },

    stop() {
      clearTimeout(switchTimer);
      for (const csr of pending.values()) clearTimeout(csr.timer);
      pending.clear();
    },
  };
}

/** The public key (SubjectPublicKeyInfo DER) of a CSR the station made. */
function publicKeyOf(request: CertificateRequest): Promise<ArrayBuffer> {
  return webcrypto.subtle.exportKey('spki', request.keys.publicKey);
}

/** Fault certificates.weakCsrKey: a CSR with a 1024-bit RSA key, below what A00.FR.502 allows. */
function weakCsr(subject: SubjectFields): Promise<CertificateRequest> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return createCsrWithKey(subject, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
}

/** Fault security.acceptsShortPassword: BasicAuthPassword entries are answered Accepted whatever their length; the rest goes to the device model. */
function acceptPasswordsBlindly(station: StationRuntime, request: OcppRequests['SetVariables']): OcppResponses['SetVariables']['setVariableResult'] {
  return request.setVariableData.map((d) =>
    d.component.name === 'SecurityCtrlr' && d.variable.name === 'BasicAuthPassword'
      ? { attributeType: d.attributeType, attributeStatus: 'Accepted' as const, component: d.component, variable: d.variable }
      : station.deviceModel.setVariables([d])[0],
  ) as OcppResponses['SetVariables']['setVariableResult'];
}
