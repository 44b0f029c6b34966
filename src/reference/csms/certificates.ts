/** Block M of the reference CSMS: installing, listing and deleting certificates on a station (M03-M05) when its operator asks, and EV contract certificates (M01, M02). */
import { createHash } from 'node:crypto';
import type { CsmsFeature, CsmsRuntime } from './feature';

/**
 * The stand-in for a contract certificate pool (M01/M02: the CSMS passes the EV's EXI request on and returns the
 * answer): the reference has no pool and no EXI codec, so it answers with an opaque response that names the request
 * it answers (its SHA-256). Good enough to exercise the OCPP exchange, not an ISO 15118 CertificateInstallationRes.
 */
function poolAnswer(action: string, exiRequest: string): string {
  return Buffer.from(`OCPP-CT ${action} response for request ${createHash('sha256').update(exiRequest).digest('hex')}`).toString('base64');
}

/** The Block M feature. */
export function certificatesFeature(csms: CsmsRuntime): CsmsFeature {
  const report = (what: string) => (error: unknown) => csms.log(`${what} failed: ${(error as Error).message}`);
  return {
    handlers: {
      Get15118EVCertificate: (call) => (csms.has('certificates.evCertificateFailed') ? { status: 'Failed', exiResponse: '' } : { status: 'Accepted', exiResponse: poolAnswer(call.payload.action, call.payload.exiRequest) }),
    },
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
