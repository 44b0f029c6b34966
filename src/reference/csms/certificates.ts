/** Block M of the reference CSMS: installing, listing and deleting certificates on a station (M03-M05) when its operator asks. */
import type { CsmsFeature, CsmsRuntime } from './feature';

/** The Block M feature. */
export function certificatesFeature(csms: CsmsRuntime): CsmsFeature {
  const report = (what: string) => (error: unknown) => csms.log(`${what} failed: ${(error as Error).message}`);
  return {
    async perform(action) {
      switch (action.kind) {
        case 'installCertificate':
          if (csms.has('certificates.installNotSent')) return true;
          void csms.call(action.stationId, 'InstallCertificate', { certificateType: csms.has('certificates.wrongInstallType') ? (action.certificateType === 'V2GRootCertificate' ? 'MORootCertificate' : 'V2GRootCertificate') : action.certificateType, certificate: action.certificatePem }).catch(report('InstallCertificate'));
          return true;
        case 'getInstalledCertificateIds': {
          const types = csms.has('certificates.listTypeDropped') ? [] : action.certificateTypes.length === 0 && csms.has('certificates.listTypeAdded') ? (['CSMSRootCertificate'] as const) : action.certificateTypes;
          void csms.call(action.stationId, 'GetInstalledCertificateIds', types.length ? { certificateType: [...types] } : {}).catch(report('GetInstalledCertificateIds'));
          return true;
        }
        case 'deleteCertificate':
          // M04.FR.07: the hash data exactly as the station reported it, so first ask the station what it has.
          void (async () => {
            const listed = await csms.call(action.stationId, 'GetInstalledCertificateIds', { certificateType: [action.certificateType] });
            const entry = listed.certificateHashDataChain?.find((e) => e.certificateHashData.serialNumber.toLowerCase() === action.serialNumber.toLowerCase());
            if (!entry) return csms.log(`no ${action.certificateType} with serial ${action.serialNumber} to delete`);
            const hash = csms.has('certificates.deleteWithSha256') ? { ...entry.certificateHashData, hashAlgorithm: 'SHA256' as const } : entry.certificateHashData;
            if (!csms.has('certificates.deleteNotSent')) await csms.call(action.stationId, 'DeleteCertificate', { certificateHashData: hash });
          })().catch(report('DeleteCertificate'));
          return true;
        default:
          return false;
      }
    },
  };
}
