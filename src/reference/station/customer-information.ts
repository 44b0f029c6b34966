/** Block N of the reference station: customer information (N09, N10) — what it holds about a customer (authorization cache, local list, customer identifiers), reported and cleared on request. */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { authCacheOf } from './auth-cache';
import type { IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { localListOf } from './local-list';

/** NotifyCustomerInformationRequest.data holds at most 512 characters. */
const MAX_DATA = 512;

/** What the station says when it holds nothing about the customer (N09.FR.06, N10.FR.04). */
export const NO_CUSTOMER_DATA = 'No data found for this customer.';

/** What the station says after clearing without a report (N10.FR.06). */
export const CUSTOMER_DATA_CLEARED = 'Customer data cleared.';

/** One record about a customer, and how to remove it (undefined: it stays, like the local list, N10.FR.03). */
interface CustomerRecord {
  readonly text: string;
  readonly clear?: () => void;
}

/** Lines cut into NotifyCustomerInformation data pieces of at most 512 characters. */
function pieces(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines.map((l) => l.slice(0, MAX_DATA))) {
    if (current !== '' && current.length + 1 + line.length > MAX_DATA) {
      out.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') out.push(current);
  return out;
}

/** The customer information feature. */
export function customerInformationFeature(station: StationRuntime): StationFeature {
  /** Customer identifiers entered at the station, with what was stored about each. */
  const customers = new Map<string, string>();
  const cache = authCacheOf(station);
  const list = localListOf(station);

  const recordsOfToken = (token: IdToken): CustomerRecord[] => {
    const records: CustomerRecord[] = [];
    const cached = cache.peek(token);
    if (cached) records.push({ text: `Authorization cache: idToken ${token.idToken} (${token.type}) status ${cached.status}`, clear: () => cache.remove(token) });
    const listed = list.peek(token);
    if (listed) records.push({ text: `Local authorization list: idToken ${token.idToken} (${token.type}) status ${listed.status}` });
    return records;
  };

  const recordsOf = (request: OcppRequests['CustomerInformation']): CustomerRecord[] => {
    if (request.idToken) return recordsOfToken(request.idToken as IdToken);
    if (request.customerIdentifier !== undefined) {
      const id = request.customerIdentifier;
      const stored = customers.get(id);
      return stored === undefined ? [] : [{ text: `Customer ${id}: ${stored}`, clear: () => customers.delete(id) }];
    }
    return []; // customerCertificate: the reference keeps no contract certificates after a session
  };

  const report = async (requestId: number, texts: readonly string[]) => {
    const parts = pieces(texts);
    const generatedAt = new Date().toISOString();
    for (const [seqNo, data] of parts.entries()) await station.send('NotifyCustomerInformation', { requestId, data, seqNo, tbc: seqNo < parts.length - 1, generatedAt });
  };

  return {
    handlers: {
      CustomerInformation: (call): OcppResponses['CustomerInformation'] => {
        const request = call.payload;
        const references = [request.idToken, request.customerCertificate, request.customerIdentifier].filter((r) => r !== undefined).length;
        if (references !== 1 && !station.has('customer.acceptsAmbiguous')) return { status: 'Invalid', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: 'exactly one of idToken, customerCertificate and customerIdentifier' } }; // N09.FR.09
        if (!request.report && !request.clear) return { status: 'Rejected' }; // N09.FR.07, N10.FR.07
        const records = recordsOf(request);
        const texts = records.map((r) => r.text);
        if (request.clear && !station.has('customer.notCleared')) for (const record of records) record.clear?.(); // N10.FR.03, N10.FR.06: the local list stays
        if (!station.has('customer.noNotify')) {
          // N09.FR.05 / N09.FR.06 / N10.FR.03 / N10.FR.04 / N10.FR.06
          const sent = request.report ? (texts.length > 0 ? texts : [NO_CUSTOMER_DATA]) : [CUSTOMER_DATA_CLEARED];
          station.later(0, () => void report(request.requestId, sent));
        }
        return { status: 'Accepted' };
      },
    },
    perform(action) {
      if (action.kind !== 'storeCustomerIdentifier') return false;
      customers.set(action.customerIdentifier, `stored at the station on ${new Date().toISOString()}`);
      return true;
    },
  };
}
