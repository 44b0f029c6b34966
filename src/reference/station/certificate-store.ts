/** Block M of the reference station: installing (M05), listing (M03) and deleting (M04) CA certificates in the store the security feature connects with. */
import { X509Certificate as NodeX509 } from 'node:crypto';
import type { OcppResponses } from '../../ocpp/generated';
import type { InstallCertificateUseEnumType } from '../../ocpp/generated/definitions';
import { parseCertificates } from '../../pki/certificates';
import { certificateHashData, sameCertificate } from '../../pki/hash-data';
import { signedBy } from '../../pki/verify';
import { x509 } from '../../pki/x509';
import type { StationFeature, StationRuntime } from './feature';
import type { InstalledCertificate, StationSecurityFeature } from './security';

/** Why a CA certificate cannot go into the store (M05.FR.07), or undefined: one PEM certificate, valid now, a CA. */
function caCertificateProblem(pem: string): string | undefined {
  const [certificate] = parseCertificates(pem);
  if (!certificate) return 'no PEM certificate';
  const now = new Date();
  if (now < certificate.notBefore || now > certificate.notAfter) return `not valid now (${certificate.notBefore.toISOString()} to ${certificate.notAfter.toISOString()})`;
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) return 'not a CA certificate (basicConstraints cA is not true)';
  return undefined;
}

/**
 * The Block M feature: InstallCertificate, GetInstalledCertificateIds and DeleteCertificate on the store of `security`,
 * and the OCSP status of a new V2G certificate chain (M06.FR.06/07).
 */
export function certificateFeature(station: StationRuntime, security: StationSecurityFeature): StationFeature {
  const { deviceModel } = station;
  const store = security.certificates;
  const signed = security.handlers?.CertificateSigned;
  /** The cached OCSP answers of the V2G chain, by serial number (M06.FR.06). */
  const ocspCache = new Map<string, string>();

  /** M06.FR.07: after a new V2G certificate, a GetCertificateStatusRequest for the leaf and for each sub-CA of its chain. */
  const refreshCertificateStatus = async () => {
    if (station.has('certificates.noStatusRequest')) return;
    for (const entry of store.hashChain(['V2GCertificateChain'])) {
      const wanted = station.has('certificates.statusForLeafOnly') ? [entry.certificateHashData] : [entry.certificateHashData, ...(entry.childCertificateHashData ?? [])];
      for (const hash of wanted) {
        const answer = await station.send('GetCertificateStatus', { ocspRequestData: { ...hash, responderURL: '' } });
        if (answer?.status === 'Accepted' && answer.ocspResult) ocspCache.set(hash.serialNumber, answer.ocspResult);
      }
    }
  };
  const additionalRootCheck = () => deviceModel.has('SecurityCtrlr', 'AdditionalRootCertificateCheck') && deviceModel.getString('SecurityCtrlr', 'AdditionalRootCertificateCheck') === 'true';
  const maxEntries = () => deviceModel.report('FullInventory').find((d) => d.component.name === 'SecurityCtrlr' && d.variable.name === 'CertificateEntries')?.variableCharacteristics?.maxLimit ?? Infinity;
  /** M05.FR.12-14: the CSMS roots kept as fallback after a new one was installed, until a connection is validated with the new one. */
  let fallback: { roots: InstalledCertificate[]; newRootFingerprint: string } | undefined;
  store.afterConnect = (handshake) => {
    if (!fallback || !handshake?.ok) return;
    // Validated with the new root: the chain the station built goes through it. Otherwise the fallback root carried the connection (FR.14) and stays.
    if (!handshake.peerChain.some((c) => c.fingerprint256 === fallback?.newRootFingerprint) && !station.has('certificates.fallbackRootDropped')) return;
    if (!station.has('certificates.fallbackRootKept')) {
      for (const old of fallback.roots) {
        const index = store.installed.indexOf(old);
        if (index >= 0) store.installed.splice(index, 1);
      }
    }
    fallback = undefined;
    refresh();
  };
  // M05.FR.15/16: migrating to another CSMS, the station validates with the new root alone (anchored on it, though the
  // old root signed it); back on the profile it came from, the fallback may carry the connection again (FR.14/16).
  store.csmsTrust = (migrating) => {
    if (!fallback || !migrating || station.has('certificates.fallbackOnMigration')) return undefined;
    const fingerprint = fallback.newRootFingerprint;
    const newRoot = store.installed.find((c) => c.certificateType === 'CSMSRootCertificate' && new NodeX509(c.pem).fingerprint256 === fingerprint);
    return newRoot ? { ca: [newRoot.pem], partial: true } : undefined;
  };
  const refresh = () => {
    if (deviceModel.has('SecurityCtrlr', 'CertificateEntries')) deviceModel.set('SecurityCtrlr', 'CertificateEntries', String(store.installed.length));
  };

  const install = async (certificateType: InstallCertificateUseEnumType, pem: string): Promise<OcppResponses['InstallCertificate']> => {
    const problem = station.has('certificates.acceptsInvalidCaCertificate') ? undefined : caCertificateProblem(pem);
    if (problem) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: problem } };
    const [certificate] = parseCertificates(pem);
    const sameAs = (other: string) => {
      const [o] = parseCertificates(other);
      return o !== undefined && sameCertificate(certificateHashData(o, o), certificateHashData(certificate, certificate));
    };
    if (certificateType === 'CSMSRootCertificate' && additionalRootCheck() && !station.has('certificates.additionalRootCheckIgnored')) {
      // M05.FR.10-12: the new CSMS root must be signed by the one it replaces; the old one stays as a fallback.
      const current = store.installed.filter((c) => c.certificateType === 'CSMSRootCertificate');
      const olds = (await Promise.all(current.map(async (c) => ((await signedBy(certificate, parseCertificates(c.pem)[0])) ? c : undefined)))).filter((c) => c !== undefined);
      if (current.length > 0 && olds.length === 0) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: 'the new CSMS root is not signed by the installed one (AdditionalRootCertificateCheck)' } };
      // M05.FR.12: the old root stays as a fallback until a connection validated with the new one (FR.13).
      fallback = { roots: olds, newRootFingerprint: new NodeX509(pem).fingerprint256 };
    }
    // M05.FR.17: a certificate already present is replaced.
    const index = store.installed.findIndex((c) => c.certificateType === certificateType && sameAs(c.pem));
    if (index >= 0) store.installed.splice(index, 1);
    else if (store.installed.length + 1 > maxEntries()) return { status: 'Rejected', statusInfo: { reasonCode: 'CertEntriesFull' } }; // M05.FR.06
    if (!station.has('certificates.installNotStored')) store.installed.push({ certificateType, pem });
    refresh();
    return { status: 'Accepted' };
  };

  /** M01 / M02: the EV's EXI request goes to the CSMS; this station has no ISO 15118 stack, so it forwards an opaque stand-in. */
  const forwardEvRequest = async (evseId: number, action: 'Install' | 'Update') => {
    if (!flag('ContractCertificateInstallationEnabled') && !station.has('certificates.evInstallIgnoresSetting')) return station.log(`EVSE ${evseId}: contract certificate installation is off (ISO15118Ctrlr.ContractCertificateInstallationEnabled)`);
    const exiRequest = Buffer.from(`reference EV on EVSE ${evseId}: ${action === 'Install' ? 'CertificateInstallationReq' : 'CertificateUpdateReq'}`).toString('base64');
    const answer = await station.send('Get15118EVCertificate', { iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action: station.has('certificates.evActionSwapped') ? (action === 'Install' ? 'Update' : 'Install') : action, exiRequest });
    station.log(`EVSE ${evseId}: contract certificate ${action}: ${answer?.status ?? 'no answer'}`);
  };
  const flag = (variable: string) => deviceModel.has('ISO15118Ctrlr', variable) && deviceModel.getString('ISO15118Ctrlr', variable) === 'true';

  return {
    perform(action) {
      if (action.kind !== 'evRequestsContractCertificate') return false;
      station.later(0, () => void forwardEvRequest(action.evseId, action.action).catch((error: unknown) => station.log(`Get15118EVCertificate failed: ${(error as Error).message}`)));
      return true;
    },
    handlers: {
      ...(signed
        ? {
            CertificateSigned: async (call: Parameters<typeof signed>[0]) => {
              const answer = await signed(call);
              if (answer.status === 'Accepted' && call.payload.certificateType !== 'ChargingStationCertificate') station.later(0, () => void refreshCertificateStatus());
              return answer;
            },
          }
        : {}),
      InstallCertificate: (call) => install(call.payload.certificateType, call.payload.certificate),
      GetInstalledCertificateIds: (call) => {
        const types = station.has('certificates.listIgnoresType') ? undefined : call.payload.certificateType;
        const chains = store.hashChain(types);
        // M03.FR.02-04.
        return chains.length ? { status: 'Accepted', certificateHashDataChain: chains } : { status: 'NotFound' };
      },
      DeleteCertificate: (call) => {
        const wanted = call.payload.certificateHashData;
        const own = store.ownCertificate();
        const [leaf, ...subs] = own ? parseCertificates(own) : [];
        const issuer = subs[0] ?? store.installed.map((c) => parseCertificates(c.pem)[0]).find((root) => root && root.subject === leaf?.issuer);
        if (leaf && issuer && sameCertificate(certificateHashData(leaf, issuer, wanted.hashAlgorithm), wanted)) {
          // M04.FR.06: the Charging Station Certificate is never deleted this way.
          if (!station.has('certificates.deletesStationCertificate')) return { status: 'Failed', statusInfo: { reasonCode: 'StationCertificate', additionalInfo: 'the station certificate cannot be deleted' } };
          store.forgetOwnCertificate();
          return { status: 'Accepted' };
        }
        const index = store.installed.findIndex((c) => sameCertificate(certificateHashData(c.pem, c.pem, wanted.hashAlgorithm), wanted));
        if (index < 0) return { status: station.has('certificates.deleteUnknownAccepted') ? 'Accepted' : 'NotFound' }; // M04.FR.04
        if (!station.has('certificates.deleteNotApplied')) store.installed.splice(index, 1); // M04.FR.02
        refresh();
        return { status: 'Accepted' };
      },
    },
  };
}
