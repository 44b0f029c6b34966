/** Block L of the reference CSMS: it starts secure firmware updates (L01) and publishes firmware on a Local Controller (L03, L04) when its operator asks, and takes the notifications that follow. */
import type { FirmwareType } from '../../ocpp/generated/definitions';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** How far ahead the reference CSMS schedules a download or an installation asked for "later", in seconds. */
const LATER_S = 2;

/** The Block L feature. */
export function firmwareFeature(csms: CsmsRuntime): CsmsFeature {
  let requestId = Math.floor(Date.now() / 1000) % 1_000_000;
  const at = (when: 'now' | 'later', ignored: boolean) => new Date(Date.now() + (when === 'later' && !ignored ? LATER_S * 1000 : 0)).toISOString();
  return {
    handlers: {
      // A CSMS that cannot take the failure end states of a firmware update.
      ...(csms.has('firmware.failureStatusRefused')
        ? {
            FirmwareStatusNotification: (call) => {
              if (['DownloadFailed', 'InvalidSignature', 'InstallVerificationFailed', 'InstallationFailed'].includes(call.payload.status)) throw new Error(`cannot handle firmware status ${call.payload.status}`);
              return {};
            },
            PublishFirmwareStatusNotification: (call) => {
              if (['DownloadFailed', 'InvalidChecksum', 'PublishFailed'].includes(call.payload.status)) throw new Error(`cannot handle publish status ${call.payload.status}`);
              return {};
            },
          }
        : {}),
      ...(csms.has('firmware.securityEventRefused')
        ? {
            SecurityEventNotification: (call) => {
              if (call.payload.type.startsWith('InvalidFirmware')) throw new Error(`cannot handle security event ${call.payload.type}`);
              return {};
            },
          }
        : {}),
    },
    async perform(action) {
      if (action.kind === 'publishFirmware') {
        // L03: the Local Controller fetches the image and serves it to its stations.
        if (!csms.has('firmware.publishNotSent')) void csms.call(action.stationId, 'PublishFirmware', { location: csms.has('firmware.publishWrongLocation') ? `${action.location}?v=1` : action.location, checksum: action.checksum, requestId: ++requestId, retries: 2, retryInterval: 10 }).catch((error: unknown) => csms.log(`PublishFirmware failed: ${(error as Error).message}`));
        return true;
      }
      if (action.kind === 'unpublishFirmware') {
        if (!csms.has('firmware.publishNotSent')) void csms.call(action.stationId, 'UnpublishFirmware', { checksum: action.checksum }).catch((error: unknown) => csms.log(`UnpublishFirmware failed: ${(error as Error).message}`));
        return true;
      }
      if (action.kind !== 'updateFirmware') return false;
      if (csms.has('firmware.updateNotSent')) return true;
      const firmware: FirmwareType = {
        location: action.location,
        retrieveDateTime: at(action.retrieve, csms.has('firmware.retrieveNow')),
        installDateTime: at(action.install, csms.has('firmware.installNow')),
        ...(csms.has('firmware.unsigned') ? {} : { signingCertificate: action.signingCertificate, signature: action.signature }),
      };
      // Not awaited: the answer may take as long as the station likes, and the operator is done once the request is out.
      void csms.call(action.stationId, 'UpdateFirmware', { requestId: ++requestId, firmware, retries: 2, retryInterval: 10 }).catch((error: unknown) => csms.log(`UpdateFirmware failed: ${(error as Error).message}`));
      return true;
    },
  };
}
