/** GetLog (N01) as the harness plays the CSMS: where the station uploads to, the request, the LogStatusNotifications that follow, and the uploaded file as evidence. */
import { newRequestId } from '../../../src/actors/ids';
import { LogReceiver, type LogReceiverMode, type LogUpload } from '../../../src/files/log-receiver';
import { FtpLogReceiver } from '../../../src/files/ftp-log-receiver';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { UploadLogStatusEnumType } from '../../../src/ocpp/generated/definitions';

/** Where a case's station uploads its logs: the configured log server, or the harness's own receiver for the case. */
export interface LogLocation {
  /** GetLogRequest.log.remoteLocation for an upload that should work. */
  readonly location: string;
  /** A location whose path does not exist, for an upload that must fail. */
  readonly missingLocation: string;
  /** The harness's receiver, when it serves the location (undefined with a configured external log server). */
  readonly receiver?: LogReceiver | FtpLogReceiver;
}

/**
 * Runs `body` with a log location. With `configured.logLocation` empty the harness starts its receiver (HTTP or HTTPS
 * per `logReceiver`, answering as `mode` says), stops it afterwards and records every upload it took as evidence
 * (file name, size, SHA-256, where the file was kept).
 */
export async function withLogLocation<T>(ctx: CsCaseContext, caseId: string, mode: LogReceiverMode, body: (where: LogLocation) => Promise<T>): Promise<T> {
  const { configured, logReceiver } = ctx.config;
  if (configured.logLocation !== '') {
    return body({ location: configured.logLocation, missingLocation: configured.logLocationMissing || `${configured.logLocation.replace(/\/?$/, '/')}ocppct-no-such-folder/` });
  }
  const tls = logReceiver.scheme === 'https' ? await ctx.csms.endpoints?.material.serverTls(2) : undefined;
  const saveDir = logReceiver.saveDir === '' ? undefined : `${logReceiver.saveDir}/${caseId}`;
  const receiver = await ctx.step(`Preparation: the harness serves the log location (${logReceiver.scheme.toUpperCase()})`, (): Promise<LogReceiver | FtpLogReceiver> =>
    logReceiver.scheme === 'ftp'
      ? FtpLogReceiver.start({ host: logReceiver.host, port: logReceiver.port, publicHost: logReceiver.publicHost, saveDir })
      : LogReceiver.start({ host: logReceiver.host, port: logReceiver.port, publicHost: logReceiver.publicHost, tls, saveDir }),
  );
  try {
    receiver.setMode(mode);
    return await body({ location: receiver.location, missingLocation: receiver.missingLocation, receiver });
  } finally {
    await receiver.close();
    // Evidence, not validations: each request the log location saw is a step of its own, its facts in the title.
    for (const upload of receiver.uploads) await ctx.step(`Evidence: ${upload.method} ${upload.path} at ${upload.at}: ${describeUpload(upload)}`, () => undefined);
    for (const refused of receiver.refusedRequests) await ctx.step(`Evidence: ${refused.method} ${refused.path} at ${refused.at}: answered ${refused.status}`, () => undefined);
    if (receiver.uploads.length + receiver.refusedRequests.length === 0) await ctx.step('Evidence: nothing reached the log location', () => undefined);
  }
}

/** How an upload reads in the evidence. */
export function describeUpload(upload: LogUpload): string {
  return `${upload.fileName}: ${upload.size} bytes, sha256 ${upload.sha256}, ${upload.encoding} ${upload.contentType || 'without content type'}, ${upload.answered ? `answered ${upload.status}${upload.held ? ' after being held back' : ''}` : 'never answered (the station gave up first)'}${upload.savedAs ? `, kept as ${upload.savedAs}` : ''}`;
}

/** A fresh requestId for a GetLogRequest. */
export const newLogRequestId = newRequestId;

/** Sends GetLogRequest with `logType` to `remoteLocation`, and returns its answer. */
export function requestLog(ctx: CsCaseContext, request: { requestId: number; logType: OcppRequests['GetLog']['logType']; remoteLocation: string; retries?: number; retryInterval?: number }): Promise<OcppResponses['GetLog']> {
  const { requestId, logType, remoteLocation, retries, retryInterval } = request;
  return ctx.csms.call('GetLog', { requestId, logType, log: { remoteLocation }, ...(retries === undefined ? {} : { retries }), ...(retryInterval === undefined ? {} : { retryInterval }) });
}

/** Arms a wait for the station's next LogStatusNotificationRequest (any status), before the step that causes it; the harness answers it as any CSMS does. */
export function nextLogStatus(ctx: CsCaseContext, description: string, timeoutMs?: number): Promise<IncomingCall<'LogStatusNotification'>> {
  const arrived = ctx.csms.expect('LogStatusNotification', { description, ...(timeoutMs === undefined ? {} : { timeoutMs }) }).then((call) => {
    call.respond({});
    return call;
  });
  arrived.catch(() => undefined); // armed early; a step that fails before awaiting it must not leave an unhandled rejection
  return arrived;
}

/** Checks a LogStatusNotificationRequest: `status` one of `statuses`, requestId that of the GetLogRequest (N01.FR.07). */
export function checkLogStatus(ctx: CsCaseContext, call: IncomingCall<'LogStatusNotification'>, statuses: readonly UploadLogStatusEnumType[], requestId: number): void {
  ctx.check.oneOf('LogStatusNotificationRequest.status', call.payload.status, statuses);
  ctx.check.equal('LogStatusNotificationRequest.requestId', call.payload.requestId, requestId);
}

/**
 * The station uploads a log and reports it (steps 3-6 of the N01 success cases): LogStatusNotification Uploading, then
 * Uploaded, each with the requestId of the GetLogRequest; then, when the harness serves the location, the file must
 * have arrived there (N01.FR.02: a station that says Uploaded has put one file at the location).
 */
export async function logUploaded(ctx: CsCaseContext, where: LogLocation, requestId: number, steps: { uploading: string; uploaded: string }): Promise<void> {
  await ctx.step(steps.uploading, async () => checkLogStatus(ctx, await nextLogStatus(ctx, 'LogStatusNotificationRequest Uploading'), ['Uploading'], requestId));
  await ctx.step(steps.uploaded, async () => {
    checkLogStatus(ctx, await nextLogStatus(ctx, 'LogStatusNotificationRequest Uploaded', ctx.config.timeouts.messageMs * 3), ['Uploaded'], requestId);
    if (!where.receiver) return;
    const taken = where.receiver.uploads.filter((u) => u.status < 300 && u.answered);
    ctx.check.that('file received at the log location', taken.length === 1, 'one file', taken.length === 0 ? 'nothing' : taken.map(describeUpload).join('; '));
  });
}
