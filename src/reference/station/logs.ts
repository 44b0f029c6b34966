/** Block N of the reference station: GetLog (N01) — it assembles its diagnostics or security log, uploads it over HTTP(S) or FTP with retries, reports each stage, and cancels an upload for a newer request. */
import { Client as FtpClient } from 'basic-ftp';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { UploadLogStatusEnumType } from '../../ocpp/generated/definitions';
import type { StationFeature, StationRuntime } from './feature';

type LogType = OcppRequests['GetLog']['logType'];

/** How one upload attempt ended. */
type AttemptResult = 'Uploaded' | Exclude<UploadLogStatusEnumType, 'Idle' | 'Uploading' | 'Uploaded' | 'AcceptedCanceled'>;

/** One log upload the station is busy with. */
interface UploadJob {
  readonly requestId: number;
  readonly fileName: string;
  cancelled: boolean;
  /** The HTTP request in flight, so a cancel can drop it. */
  inFlight?: ClientRequest;
}

/** Lines of the station's security log: what a real one records (A04 security events), kept as the station runs. */
const securityLines = (station: StationRuntime): string[] => [
  `${new Date().toISOString()} StartupOfTheDevice station ${station.options.stationId}`,
  `${new Date().toISOString()} SecurityProfile ${station.deviceModel.get('SecurityCtrlr', 'SecurityProfile') ?? ''}`,
];

/** The diagnostics log: identity, clock and the Actual value of every variable, one per line. */
function diagnosticsLines(station: StationRuntime): string[] {
  const lines = [`${new Date().toISOString()} ${station.options.vendorName} ${station.options.model} ${station.options.stationId} boot state ${station.bootState}`];
  for (const data of station.deviceModel.report('FullInventory')) {
    const actual = data.variableAttribute.find((a) => (a.type ?? 'Actual') === 'Actual');
    if (actual?.value !== undefined) lines.push(`${data.component.name}${data.component.evse ? `[${data.component.evse.id}${data.component.evse.connectorId === undefined ? '' : `,${data.component.evse.connectorId}`}]` : ''}.${data.variable.name}${data.variable.instance ? `[${data.variable.instance}]` : ''} = ${actual.value}`);
  }
  return lines;
}

/** Why a URL cannot be uploaded to at all: NotSupportedOperation for a protocol other than HTTP(S), BadMessage for no URL. */
function urlProblem(location: string): AttemptResult | undefined {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return 'BadMessage';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ftp:' ? undefined : 'NotSupportedOperation';
}

/** One upload over FTP (STOR into the URL's folder, user and password from the URL): 530 is PermissionDenied, anything else that fails UploadFailure. */
async function ftpAttempt(url: URL, content: Buffer): Promise<AttemptResult> {
  const client = new FtpClient(10_000);
  try {
    await client.access({ host: url.hostname, port: Number(url.port || 21), user: decodeURIComponent(url.username || 'anonymous'), password: decodeURIComponent(url.password), secure: false });
    await client.uploadFrom(Readable.from([content]), decodeURIComponent(url.pathname));
    return 'Uploaded';
  } catch (error) {
    return (error as { code?: number }).code === 530 ? 'PermissionDenied' : 'UploadFailure';
  } finally {
    client.close();
  }
}

/** The GetLog feature. Logs kept: DiagnosticsLog and SecurityLog, except the one the run config says it has none of. */
export function logsFeature(station: StationRuntime): StationFeature {
  let current: UploadJob | undefined;

  const wait = (seconds: number) => new Promise<void>((resolve) => station.later(seconds * 1000, resolve));

  const notify = (job: UploadJob, status: UploadLogStatusEnumType) =>
    station.send('LogStatusNotification', { status, ...(station.has('logs.noRequestId') ? {} : { requestId: job.requestId }) });

  /**
   * One attempt: a POST of multipart/form-data with the file as its one part (N01.FR.19: Content-Type and
   * Content-Disposition with the file name). Basic auth from the URL's user info (N01.FR.17).
   */
  const attempt = (job: UploadJob, location: string, content: Buffer): Promise<AttemptResult> => {
    const problem = urlProblem(location);
    if (problem) return Promise.resolve(problem);
    const url = new URL(job.fileName, location.endsWith('/') ? location : `${location}/`);
    if (url.protocol === 'ftp:') return ftpAttempt(url, content);
    const boundary = `----ocppct${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="uploadfile"; filename="${job.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const auth = url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
    return new Promise((resolve) => {
      const options = {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
        timeout: station.options.timeoutMs * 10,
        ...(auth ? { auth } : {}),
      };
      const done = (result: AttemptResult) => {
        job.inFlight = undefined;
        resolve(result);
      };
      const request =
        url.protocol === 'https:'
          ? httpsRequest(url, { ...options, ca: station.options.security?.csmsRootCertificates ? [...station.options.security.csmsRootCertificates] : undefined })
          : httpRequest(url, options);
      job.inFlight = request;
      request.on('response', (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        done(status >= 200 && status < 300 ? 'Uploaded' : status === 401 || status === 403 ? 'PermissionDenied' : 'UploadFailure');
      });
      request.on('timeout', () => request.destroy(new Error('upload timed out')));
      request.on('error', () => done('UploadFailure'));
      request.end(body);
    });
  };

  /** Uploads with up to `retries` more attempts `retryInterval` seconds apart (N01.FR.08-10); a fresh Uploading before each attempt. */
  const upload = async (job: UploadJob, location: string, content: Buffer, retries: number, retryInterval: number) => {
    const attempts = station.has('logs.retriesIgnored') ? 1 : retries + 1;
    let result: AttemptResult = 'UploadFailure';
    for (let n = 0; n < attempts; n++) {
      if (n > 0) await wait(retryInterval);
      if (job.cancelled) return;
      if (!station.has('logs.noUploadingStatus')) await notify(job, 'Uploading');
      result = station.has('logs.uploadedWithoutFile') ? 'Uploaded' : await attempt(job, location, content);
      if (job.cancelled) return;
      if (result === 'Uploaded' || result === 'NotSupportedOperation' || result === 'BadMessage') break;
    }
    if (current === job) current = undefined;
    if (result !== 'Uploaded' && station.has('logs.failureReportedAsUploaded')) result = 'Uploaded';
    await notify(job, result);
  };

  const available = (logType: LogType): boolean => station.has('logs.unavailableAccepted') || station.options.logsWithout !== logType;

  return {
    handlers: {
      GetLog: (call): OcppResponses['GetLog'] => {
        const { logType, requestId, log, retries = 0, retryInterval = 0 } = call.payload;
        if (logType === 'SecurityLog' && station.has('logs.securityLogRejected')) return { status: 'Rejected' };
        if (!available(logType)) return { status: 'Rejected' }; // N01.FR.05
        const fileName = `${station.options.stationId}-${logType}-${new Date().toISOString().replace(/[:.]/g, '')}.log`;
        const content = Buffer.from(`${(logType === 'SecurityLog' ? securityLines(station) : diagnosticsLines(station)).join('\n')}\n`, 'utf8');
        const job: UploadJob = { requestId, fileName, cancelled: false };
        const previous = current;
        const canceled = station.has('logs.noCancel') ? undefined : previous;
        if (canceled) {
          // N01.FR.12, N01.FR.20: the older upload stops and says so.
          canceled.cancelled = true;
          canceled.inFlight?.destroy();
        }
        current = job;
        station.later(0, () => {
          void (async () => {
            if (canceled) await notify(canceled, 'AcceptedCanceled');
            await upload(job, log.remoteLocation, content, retries, retryInterval);
          })();
        });
        return { status: canceled ? 'AcceptedCanceled' : 'Accepted', ...(station.has('logs.noFilename') ? {} : { filename: fileName }) }; // N01.FR.01
      },
    },
    triggers: {
      // F06.FR.14 / F06.FR.15 (issue 14): Uploading with the requestId of an upload under way, else Idle.
      LogStatusNotification: { send: () => void (current ? notify(current, 'Uploading') : station.send('LogStatusNotification', { status: 'Idle' })) },
    },
    stop: () => {
      current?.inFlight?.destroy();
      current = undefined;
    },
  };
}
