/** Customer information (N09, N10) as the harness plays the station: the CSMS asks, the harness answers and reports, and the request is checked against Part 6. */
import type { CustomerReference } from '../../../src/drivers/csms-actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppResponses } from '../../../src/ocpp/generated';
import { csmsSendsAfter } from './operator';

/** The customer of the CSMS cases: <Configured valid idToken>, or <Configured customerIdentifier>. */
export function customerOf(ctx: CsmsCaseContext, by: 'idToken' | 'customerIdentifier'): CustomerReference {
  const { idTokens, customerIdentifier } = ctx.config.configured;
  return by === 'idToken' ? { idToken: { idToken: idTokens.valid.idToken, type: idTokens.valid.type } } : { customerIdentifier };
}

/**
 * Asks the CSMS side to send CustomerInformationRequest (report / clear for `customer`), answers it with `status` the
 * moment it arrives, and checks Part 6's step 1 validations: the flags and the one customer reference (N09.FR.04, N10.FR.08).
 */
export async function customerInformationRequested(
  ctx: CsmsCaseContext,
  title: string,
  request: { readonly report: boolean; readonly clear: boolean; readonly customer: CustomerReference },
  status: OcppResponses['CustomerInformation']['status'],
): Promise<IncomingCall<'CustomerInformation'>> {
  const { check } = ctx;
  return ctx.step(title, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'requestCustomerInformation', stationId: ctx.config.station.id, ...request }, 'CustomerInformation', (c) => c.respond({ status }));
    const sent = call.payload;
    check.equal('CustomerInformationRequest.report', sent.report, request.report);
    check.equal('CustomerInformationRequest.clear', sent.clear, request.clear);
    if ('idToken' in request.customer) {
      check.equal('CustomerInformationRequest.idToken.idToken', sent.idToken?.idToken, request.customer.idToken.idToken);
      check.equal('CustomerInformationRequest.idToken.type', sent.idToken?.type, request.customer.idToken.type);
      check.equal('CustomerInformationRequest.customerIdentifier', sent.customerIdentifier, undefined);
      check.equal('CustomerInformationRequest.customerCertificate', sent.customerCertificate, undefined);
    } else if ('customerIdentifier' in request.customer) {
      check.equal('CustomerInformationRequest.customerIdentifier', sent.customerIdentifier, request.customer.customerIdentifier);
      check.equal('CustomerInformationRequest.idToken', sent.idToken, undefined);
      check.equal('CustomerInformationRequest.customerCertificate', sent.customerCertificate, undefined);
    } else {
      const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = request.customer.customerCertificate;
      check.equal('CustomerInformationRequest.customerCertificate', sent.customerCertificate && { hashAlgorithm: sent.customerCertificate.hashAlgorithm, issuerNameHash: sent.customerCertificate.issuerNameHash, issuerKeyHash: sent.customerCertificate.issuerKeyHash, serialNumber: sent.customerCertificate.serialNumber }, { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber });
      check.equal('CustomerInformationRequest.idToken', sent.idToken, undefined);
      check.equal('CustomerInformationRequest.customerIdentifier', sent.customerIdentifier, undefined);
    }
    return call;
  });
}

/** The harness reports customer information in NotifyCustomerInformationRequests (one per text, the last without tbc); the CSMS must answer each. */
export function customerInformationSent(ctx: CsmsCaseContext, title: string, requestId: number, texts: readonly string[]): Promise<void> {
  return ctx.step(title, async () => {
    const generatedAt = new Date().toISOString();
    for (const [seqNo, data] of texts.entries()) await ctx.station.call('NotifyCustomerInformation', { requestId, seqNo, data, tbc: seqNo < texts.length - 1, generatedAt });
  });
}
