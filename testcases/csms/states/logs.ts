/** GetLog (N01) as the harness plays the station: the CSMS asks for a log, the harness answers and reports the upload stages the CSMS must take in. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppResponses } from '../../../src/ocpp/generated';
import type { LogEnumType, UploadLogStatusEnumType } from '../../../src/ocpp/generated/definitions';
import { csmsSendsAfter } from './operator';

/**
 * Asks the CSMS side for a GetLogRequest of `logType` (operator or reference CSMS) and answers it with `answer` the
 * moment it arrives (a file name with Accepted). Checks Part 6's step 1 validation: logType as asked.
 */
export async function logRequested(ctx: CsmsCaseContext, title: string, logType: LogEnumType, answer: OcppResponses['GetLog']['status']): Promise<IncomingCall<'GetLog'>> {
  return ctx.step(title, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'requestLog', stationId: ctx.config.station.id, logType }, 'GetLog', (c) =>
      c.respond({ status: answer, ...(answer === 'Rejected' ? {} : { filename: `${ctx.config.station.id}-${c.payload.logType}.log` }) }),
    );
    ctx.check.equal('GetLogRequest.logType', call.payload.logType, logType);
    return call;
  });
}

/** The harness reports a stage of the upload with LogStatusNotificationRequest; the CSMS must answer it (a CALLERROR or silence fails the case). */
export function logStatusSent(ctx: CsmsCaseContext, title: string, status: UploadLogStatusEnumType, requestId: number): Promise<void> {
  return ctx.step(title, async () => {
    await ctx.station.call('LogStatusNotification', { status, requestId });
  });
}
