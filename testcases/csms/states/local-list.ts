/** The D (local authorization list) sequences: the CSMS, asked through the driver, asks for the list version and sends lists. */
import type { LocalListKind } from '../../../src/drivers/csms-actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { sutFailed } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { csmsSendsAfter } from './operator';

type ListCall = IncomingCall<'GetLocalListVersion' | 'SendLocalList'>;

/** How a local-list case lays out its steps. */
export interface LocalListSteps {
  /** The version the harness reports if the CSMS asks for it. */
  readonly reportedVersion: number;
  /** A step of its own for the GetLocalListVersion exchange (Part 6 lists one); without it, a version request is tolerated inside the send step. */
  readonly versionStep?: { readonly title: string; readonly required: boolean };
  readonly sendTitle: string;
  /** The tool validations of the SendLocalListRequest, run inside the send step. */
  readonly validate: (request: OcppRequests['SendLocalList']) => void;
}

/** Asks the CSMS side to send `list`; answers a GetLocalListVersionRequest with the reported version and accepts the SendLocalListRequest. */
export async function localListSent(ctx: CsmsCaseContext, list: LocalListKind, steps: LocalListSteps): Promise<void> {
  const { step, station, config } = ctx;
  const answer = (call: ListCall): void =>
    call.action === 'GetLocalListVersion'
      ? (call as IncomingCall<'GetLocalListVersion'>).respond({ versionNumber: steps.reportedVersion })
      : (call as IncomingCall<'SendLocalList'>).respond({ status: 'Accepted' });
  const ask = () => csmsSendsAfter(ctx, { kind: 'sendLocalList', stationId: config.station.id, list }, ['GetLocalListVersion', 'SendLocalList'], answer);
  const sendAfter = async (first: ListCall): Promise<ListCall> => {
    if (first.action === 'SendLocalList') return first;
    const call = await station.expect('SendLocalList', { description: 'SendLocalListRequest after the GetLocalListVersionRequest' });
    call.respond({ status: 'Accepted' });
    return call;
  };
  let first: ListCall | undefined;
  if (steps.versionStep) {
    const { title, required } = steps.versionStep;
    first = await step(title, async () => {
      const call = await ask();
      if (required && call.action !== 'GetLocalListVersion') throw sutFailed('OCPPCT_VALIDATION', 'the CSMS sent SendLocalListRequest without first asking for the list version (GetLocalListVersionRequest)');
      return call;
    });
  }
  await step(steps.sendTitle, async () => {
    const send = await sendAfter(first ?? (await ask()));
    steps.validate(send.payload as OcppRequests['SendLocalList']);
  });
}

/** A step: the CSMS, asked through the driver, sends GetLocalListVersionRequest; the harness reports `version`. */
export function localListVersionAsked(ctx: CsmsCaseContext, title: string, version: number): Promise<void> {
  return ctx.step(title, async () => {
    await csmsSendsAfter(ctx, { kind: 'getLocalListVersion', stationId: ctx.config.station.id }, 'GetLocalListVersion', (call) => call.respond({ versionNumber: version }));
  });
}

/** The tool validation of a differential update's version: above the version the station has. */
export function checkVersionAbove(ctx: CsmsCaseContext, request: OcppRequests['SendLocalList'], current: number): void {
  ctx.check.that('SendLocalListRequest.versionNumber', request.versionNumber > current, `bigger than the station's current version ${current}`, String(request.versionNumber));
}
