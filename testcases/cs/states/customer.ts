/** Customer information (N09, N10) as the harness plays the CSMS: the request, every NotifyCustomerInformation part that follows, and the memory states of the cases. */
import { newRequestId } from '../../../src/actors/ids';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { NotifyCustomerInformationRequest } from '../../../src/ocpp/generated';
import type { CertificateHashDataType } from '../../../src/ocpp/generated/definitions';
import { validTokenCached } from './cache';
import { ifImplemented, LOCAL_PRE_AUTHORIZE } from './configuration';
import { LOCAL_LIST_ENABLED, listEntry, withLocalList } from './local-list';
import { AUTH_CACHE_ENABLED } from './cache';

/** Which customer a request names: the configured valid idToken, a customer identifier, or (to make it unprocessable) both. */
export type CustomerRef = { readonly idToken: true } | { readonly customerIdentifier: string } | { readonly customerCertificate: CertificateHashDataType } | { readonly both: string };

/** The Before configuration of the cases whose station holds data about the valid idToken (local list, cache, local pre-authorization on). */
export const CUSTOMER_DATA_SETTINGS = [ifImplemented(LOCAL_LIST_ENABLED), LOCAL_PRE_AUTHORIZE, ifImplemented(AUTH_CACHE_ENABLED)];

/** A fresh requestId for a CustomerInformationRequest. */
export const newCustomerRequestId = newRequestId;

/** The request fields that name the customer. */
function referenceOf(ctx: CsCaseContext, customer: CustomerRef): Pick<OcppRequests['CustomerInformation'], 'idToken' | 'customerIdentifier' | 'customerCertificate'> {
  const { idToken, type } = ctx.config.configured.idTokens.valid;
  if ('idToken' in customer) return { idToken: { idToken, type } };
  if ('customerIdentifier' in customer) return { customerIdentifier: customer.customerIdentifier };
  if ('customerCertificate' in customer) return { customerCertificate: customer.customerCertificate };
  return { idToken: { idToken, type }, customerIdentifier: customer.both };
}

/**
 * Sends CustomerInformationRequest (report / clear for `customer`) and, when the station accepts, collects the
 * NotifyCustomerInformationRequests of that requestId up to the one without tbc (each answered as a CSMS does).
 * The waits are armed before the request, so a station that reports at once is not missed. Returns the answer and the parts.
 */
export async function customerInformation(
  ctx: CsCaseContext,
  request: { readonly report: boolean; readonly clear: boolean; readonly customer: CustomerRef },
  titles: { readonly request: string; readonly notify?: string },
  expected: OcppResponses['CustomerInformation']['status'] = 'Accepted',
): Promise<{ response: OcppResponses['CustomerInformation']; parts: NotifyCustomerInformationRequest[] }> {
  const requestId = newCustomerRequestId();
  const nextPart = () => {
    const arrived = ctx.csms.expect('NotifyCustomerInformation', { where: (c) => c.payload.requestId === requestId, description: `NotifyCustomerInformationRequest of request ${requestId}` }).then((call) => {
      call.respond({});
      return call.payload;
    });
    arrived.catch(() => undefined); // armed before the request; awaited below only when the station accepts
    return arrived;
  };
  const first = nextPart();
  const response = await ctx.step(titles.request, async () => {
    const answer = await ctx.csms.call('CustomerInformation', { requestId, report: request.report, clear: request.clear, ...referenceOf(ctx, request.customer) });
    ctx.check.equal('CustomerInformationResponse.status', answer.status, expected);
    return answer;
  });
  const parts: NotifyCustomerInformationRequest[] = [];
  if (response.status !== 'Accepted' || !titles.notify) return { response, parts };
  await ctx.step(titles.notify, async () => {
    parts.push(await first);
    while (parts[parts.length - 1].tbc === true) parts.push(await nextPart());
    ctx.check.that('NotifyCustomerInformationRequest parts received (seqNo 0 up to the one without tbc)', parts.every((p, i) => p.seqNo === i), 'seqNo 0, 1, ... in order', parts.map((p) => p.seqNo).join(', '));
  });
  return { response, parts };
}

/** All parts' data, joined. */
export const customerData = (parts: readonly NotifyCustomerInformationRequest[]): string => parts.map((p) => p.data).join('');

/** Part 6 "data Not empty": the reported data is not empty. */
export function checkDataNotEmpty(ctx: CsCaseContext, parts: readonly NotifyCustomerInformationRequest[]): void {
  const data = customerData(parts);
  ctx.check.that('NotifyCustomerInformationRequest.data', data !== '', 'not empty', data === '' ? '""' : `"${data.slice(0, 200)}"`);
}

/**
 * N09.FR.06, N10.FR.04, N10.FR.06: when there is nothing to report (or only the clearing to confirm) the station sends
 * one NotifyCustomerInformationRequest, without tbc, that says so.
 */
export function checkSingleNotice(ctx: CsCaseContext, parts: readonly NotifyCustomerInformationRequest[], what: string): void {
  ctx.check.equal('number of NotifyCustomerInformationRequests', parts.length, 1);
  ctx.check.notEqual('NotifyCustomerInformationRequest.tbc', parts[0]?.tbc, true);
  ctx.check.that(`NotifyCustomerInformationRequest.data (${what})`, (parts[0]?.data ?? '') !== '', 'a notice (not empty)', `"${parts[0]?.data ?? ''}"`);
}

/**
 * Memory states IdTokenCached and IdTokenLocalAuthList for <Configured valid idToken> (both "If implemented"), then
 * `body`; the local list is emptied afterwards. A station without a cache leaves the case inconclusive (the state
 * cannot be set up).
 */
export async function withValidCustomerData<T>(ctx: CsCaseContext, body: () => Promise<T>): Promise<T> {
  const valid = ctx.config.configured.idTokens.valid;
  await validTokenCached(ctx);
  return withLocalList(ctx, [listEntry(valid)], body);
}

/** Memory state of TC_N_28_CS: the harness asks the station to clear what it holds about the valid idToken (report false, clear true). */
export async function customerDataCleared(ctx: CsCaseContext): Promise<void> {
  await ctx.step('Memory State: harness asks the station to clear the customer information of the valid idToken', () =>
    customerInformation(ctx, { report: false, clear: true, customer: { idToken: true } }, { request: 'Preparation: CustomerInformationRequest clear true, report false', notify: 'Preparation: the station confirms with NotifyCustomerInformationRequest' }),
  );
}
