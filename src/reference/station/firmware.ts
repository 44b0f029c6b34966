/** Block L of the reference station: secure firmware update (L01) — check the signing certificate, download with retries, verify the signature, install on reboot, and report each state. */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { OcppRequests } from '../../ocpp/generated';
import type { FirmwareStatusEnumType, FirmwareType } from '../../ocpp/generated/definitions';
import { inspectFirmwareImage, signingCertificateProblem, verifyFirmware } from '../../pki/firmware';
import type { StationFeature, StationRuntime } from './feature';
import type { StationSecurityFeature } from './security';
import { reportConnectorStatus } from './connectors';
import { evModel, type ConnectorState } from './ev-model';
import { transactionsOf } from './transactions';

type FirmwareSecurityEvent = 'InvalidFirmwareSigningCertificate' | 'InvalidFirmwareSignature' | 'FirmwareUpdated';

/** One firmware update the station works on. */
interface Update {
  readonly requestId: number;
  readonly firmware: FirmwareType;
  readonly retries: number;
  readonly retryIntervalS: number;
  /** Set when a newer UpdateFirmwareRequest cancelled this one (L01.FR.24). */
  cancelled: boolean;
  abort?: () => void;
}

/** Fetches `url` over HTTP or HTTPS (trusting `ca` for HTTPS); rejects on a status other than 200, a broken transfer or `timeoutMs` without progress. */
function download(url: string, ca: readonly string[], timeoutMs: number, update: Update): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`the server answered ${res.statusCode}`));
      }
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => (res.complete ? resolve(Buffer.concat(parts)) : reject(new Error('the transfer broke off'))));
      res.on('error', reject);
    };
    let request;
    try {
      request = url.startsWith('https:') ? httpsGet(url, { ca: [...ca], timeout: timeoutMs }, onResponse) : url.startsWith('http:') ? httpGet(url, { timeout: timeoutMs }, onResponse) : undefined;
    } catch (error) {
      return reject(error as Error);
    }
    if (!request) return reject(new Error(`unsupported file transfer protocol in ${url}`));
    request.on('timeout', () => request.destroy(new Error(`no data for ${timeoutMs} ms`)));
    request.on('error', reject);
    update.abort = () => request.destroy(new Error('cancelled'));
  });
}

/** The Block L feature. `security` holds the ManufacturerRootCertificates and the CSMS roots HTTPS downloads are checked against. */
export function firmwareFeature(station: StationRuntime, security: StationSecurityFeature): StationFeature {
  let current: Update | undefined;
  /** The last status sent, for TriggerMessage (L01.FR.25/26). */
  let lastStatus: FirmwareStatusEnumType | undefined;
  let lastRequestId: number | undefined;
  /** Downloaded and verified, to be installed once the station has rebooted for it. */
  let afterReboot: { update: Update; image: Buffer } | undefined;
  const wakeups = new Set<() => void>();

  const status = async (update: Update, value: FirmwareStatusEnumType): Promise<void> => {
    lastStatus = value;
    lastRequestId = update.requestId;
    await station.send('FirmwareStatusNotification', { status: value, requestId: station.has('firmware.wrongRequestId') ? update.requestId + 1 : update.requestId });
  };
  const event = (type: FirmwareSecurityEvent, techInfo?: string) => station.send('SecurityEventNotification', { type, timestamp: new Date().toISOString(), ...(techInfo ? { techInfo: techInfo.slice(0, 255) } : {}) });
  /** Waits until `at` (a Part 2 dateTime); false when the update was cancelled meanwhile. */
  const waitUntil = (update: Update, at: number): Promise<boolean> =>
    new Promise((resolve) => {
      const wake = () => {
        wakeups.delete(wake);
        resolve(!update.cancelled);
      };
      wakeups.add(wake);
      station.later(Math.max(0, at - Date.now()), wake);
    });
  const future = (dateTime: string | undefined) => (dateTime === undefined ? undefined : Date.parse(dateTime) > Date.now() ? Date.parse(dateTime) : undefined);

  /** Connectors this feature made Unavailable while it waited for transactions to end (L01.FR.07). */
  const heldConnectors = new Set<ConnectorState>();
  const releaseConnectors = (report: boolean) => {
    for (const connector of heldConnectors) {
      connector.unavailable = false;
      if (report) reportConnectorStatus(station, connector);
    }
    heldConnectors.clear();
  };

  /**
   * L01.FR.06/07 (this station can neither download nor install during a transaction): while transactions run, the
   * update waits (DownloadScheduled, L01.FR.13), and with AllowNewSessionsPendingFirmwareUpdate false every connector
   * not in use becomes Unavailable. False when the update was cancelled meanwhile.
   */
  const untilNoTransaction = async (update: Update, scheduled: 'DownloadScheduled' | 'InstallScheduled' | undefined): Promise<boolean> => {
    const transactions = transactionsOf(station);
    if (transactions.open.length === 0 || station.has('firmware.updatesDuringTransaction')) return true;
    if (scheduled) await status(update, scheduled);
    const model = evModel(station);
    const allowNew = station.deviceModel.has('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate') && station.deviceModel.getString('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate') === 'true';
    if (!allowNew || station.has('firmware.blocksNewSessions')) {
      for (const evse of model.evses.values()) {
        if (transactions.ongoing(evse.id)) continue;
        for (const connector of evse.connectors) {
          if (connector.unavailable || model.statusOf(connector) !== 'Available') continue;
          connector.unavailable = true;
          heldConnectors.add(connector);
          reportConnectorStatus(station, connector);
        }
      }
    }
    await new Promise<void>((resolve) => {
      const check = () => {
        if (update.cancelled || transactions.open.length === 0) resolve();
      };
      wakeups.add(check);
      model.on('transaction', check);
      check();
    });
    return !update.cancelled;
  };

  /** L01 main flow up to the reboot that installs the image. */
  const run = async (update: Update): Promise<void> => {
    const { firmware } = update;
    const retrieveAt = station.has('firmware.ignoresRetrieveDateTime') ? undefined : future(firmware.retrieveDateTime);
    if (retrieveAt !== undefined) {
      await status(update, 'DownloadScheduled'); // L01.FR.13
      if (!(await waitUntil(update, retrieveAt))) return;
    }
    // A station that cannot download during a transaction waits here (DownloadScheduled unless it said so already); one that can, waits before installing.
    const waitsToDownload = (station.options.firmwareDuringTransaction ?? 'nothing') === 'nothing' || station.has('firmware.waitsForTransactions');
    if (update.cancelled || (waitsToDownload && !(await untilNoTransaction(update, retrieveAt === undefined ? 'DownloadScheduled' : undefined)))) return;
    await status(update, 'Downloading');
    let image: Buffer | undefined;
    for (let attempt = 0; attempt <= update.retries && !update.cancelled; attempt++) {
      if (attempt > 0 && !(await waitUntil(update, Date.now() + update.retryIntervalS * 1000))) return;
      try {
        image = await download(firmware.location, security.trustedRoots('CSMSRootCertificate'), station.options.timeoutMs, update);
        break;
      } catch (error) {
        station.log(`firmware download attempt ${attempt + 1} failed: ${(error as Error).message}`);
      }
    }
    if (update.cancelled) return;
    if (!image) {
      if (!station.has('firmware.noDownloadFailed')) await status(update, 'DownloadFailed'); // L01.FR.30
      return finish(update);
    }
    await status(update, 'Downloaded');
    // L01.FR.04/12: the signature over the whole file, with the key of the signing certificate.
    const verified = firmware.signature !== undefined && firmware.signingCertificate !== undefined && verifyFirmware(image, firmware.signature, firmware.signingCertificate);
    if (!verified && !station.has('firmware.installsBadSignature')) {
      await status(update, 'InvalidSignature');
      if (!station.has('firmware.noInvalidSignatureEvent')) await event('InvalidFirmwareSignature', 'the signature does not match the downloaded image'); // L01.FR.03
      return finish(update);
    }
    await status(update, 'SignatureVerified');
    const installAt = station.has('firmware.ignoresInstallDateTime') ? undefined : future(firmware.installDateTime);
    if (installAt !== undefined) {
      await status(update, 'InstallScheduled'); // L01.FR.16
      if (!(await waitUntil(update, installAt))) return;
    }
    if (update.cancelled) return;
    if (!waitsToDownload && station.options.firmwareDuringTransaction !== 'everything' && !(await untilNoTransaction(update, installAt === undefined ? 'InstallScheduled' : undefined))) return;
    // A station that can update during a transaction (Part 5 C-43) installs and activates in place, without a reboot, while one runs.
    if (station.options.firmwareDuringTransaction === 'everything' && !waitsToDownload && transactionsOf(station).open.length > 0) return install({ update, image });
    // This station reboots into its boot loader to install (RebootBeforeFirmwareInstallation, L01.FR.15); its connectors come back with the boot.
    releaseConnectors(false);
    await status(update, 'InstallRebooting');
    afterReboot = { update, image };
    await station.reboot('FirmwareUpdate');
  };

  const finish = (update: Update) => {
    releaseConnectors(true);
    if (current === update) current = undefined;
  };

  /** After the reboot: install, check the image, report the outcome (L01.FR.28/29/31). */
  const install = async (pending: { update: Update; image: Buffer }): Promise<void> => {
    const { update, image } = pending;
    await status(update, 'Installing');
    const inspected = inspectFirmwareImage(image);
    if (!inspected.ok && !station.has('firmware.noInstallVerification')) {
      station.log(`firmware not installed: ${inspected.problem}`);
      await status(update, 'InstallVerificationFailed');
      return finish(update);
    }
    await status(update, 'Installed');
    if (!station.has('firmware.noFirmwareUpdatedEvent')) await event('FirmwareUpdated', `firmware ${inspected.ok ? inspected.version : 'unknown'} installed`);
    finish(update);
  };

  const onUpdateFirmware = async (request: OcppRequests['UpdateFirmware']) => {
    const { firmware } = request;
    if ((firmware.signingCertificate === undefined || firmware.signature === undefined) && !station.has('firmware.acceptsUnsigned')) {
      return { status: 'Rejected' as const, statusInfo: { reasonCode: 'UnsignedFirmware', additionalInfo: 'this station installs signed firmware only' } };
    }
    if (firmware.signingCertificate !== undefined && !station.has('firmware.acceptsUntrustedCertificate')) {
      // L01.FR.21/22 and L01.FR.02.
      const problem = await signingCertificateProblem(firmware.signingCertificate, security.trustedRoots('ManufacturerRootCertificate'));
      if (problem) {
        station.later(0, () => void event('InvalidFirmwareSigningCertificate', problem));
        return { status: 'InvalidCertificate' as const, statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: problem.slice(0, 512) } };
      }
    }
    // L01.FR.24: a new request cancels the update under way; a station that cannot cancel refuses the new one (L01.FR.27).
    const previous = current;
    if (previous && station.options.firmwareCancel === false) {
      if (station.has('firmware.refusalDropsUpdate')) {
        previous.cancelled = true;
        previous.abort?.();
      }
      return { status: 'Rejected' as const, statusInfo: { reasonCode: 'UpdateInProgress' } };
    }
    if (previous) {
      previous.cancelled = true;
      previous.abort?.();
      for (const wake of [...wakeups]) wake();
    }
    const update: Update = { requestId: request.requestId, firmware, retries: request.retries ?? 0, retryIntervalS: request.retryInterval ?? 0, cancelled: false };
    current = update;
    station.later(0, () => void run(update).catch((error: unknown) => station.log(`firmware update ${update.requestId} stopped: ${(error as Error).message}`)));
    return { status: previous && !station.has('firmware.acceptedInsteadOfCanceled') ? ('AcceptedCanceled' as const) : ('Accepted' as const) };
  };

  return {
    handlers: {
      UpdateFirmware: (call) => onUpdateFirmware(call.payload),
    },
    triggers: {
      FirmwareStatusNotification: {
        // L01.FR.25/26: Idle after Installed or when nothing happened yet, else the last status with its requestId.
        send: () =>
          void station.send('FirmwareStatusNotification', lastStatus === undefined || lastStatus === 'Installed' || lastRequestId === undefined ? { status: 'Idle' } : { status: lastStatus, requestId: lastRequestId }),
      },
    },
    async onAccepted() {
      const pending = afterReboot;
      afterReboot = undefined;
      if (pending && !pending.update.cancelled) await install(pending);
    },
    stop() {
      current?.abort?.();
      wakeups.clear();
    },
  };
}
