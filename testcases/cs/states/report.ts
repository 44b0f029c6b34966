/** Reading the station's device model as a CSMS does (B07), for states that must find out which components and variables a station has. */
import { newRequestId } from '../../../src/actors/ids';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { OcppRequests } from '../../../src/ocpp/generated';
import type { ReportDataType } from '../../../src/ocpp/generated/definitions';

/**
 * A harness preparation (not a tool validation): sends GetBaseReportRequest for `reportBase`, answers every
 * NotifyReportRequest of that requestId up to the one without tbc, and returns their reportData in order. A station
 * that does not accept the request leaves the harness unable to prepare the case, which is then inconclusive.
 */
export async function baseReport(ctx: CsCaseContext, title: string, reportBase: OcppRequests['GetBaseReport']['reportBase']): Promise<ReportDataType[]> {
  const { csms } = ctx;
  return ctx.step(title, async () => {
    const requestId = newRequestId();
    const response = await csms.call('GetBaseReport', { requestId, reportBase });
    if (response.status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered GetBaseReportRequest (${reportBase}) with ${response.status}, so the harness cannot read its device model`);
    const entries: ReportDataType[] = [];
    for (let part = 0; ; part++) {
      const notify = await csms.expect('NotifyReport', { where: (c) => c.payload.requestId === requestId, description: `NotifyReportRequest ${part} of report ${requestId}` });
      notify.respond({});
      entries.push(...(notify.payload.reportData ?? []));
      if (!notify.payload.tbc) return entries;
    }
  });
}
