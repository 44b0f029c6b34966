/** TC_N_63_CSMS: the CSMS asks a station to clear and report the information of a customer named by a contract certificate's hash data. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent } from '../states/customer';
import { contractChain } from '../states/iso15118';

export default defineTestCase({
  id: 'TC_N_63_CSMS',
  name: 'Clear Customer Information - Clear and report - customerCertificate',
  sut: 'CSMS',
  useCases: ['N10'],
  requirements: ['N10.FR.08', 'N10.FR.09'],
  detects: ['customerInformation.notSent', 'customerInformation.twoReferences', 'customerInformation.clearDropped'],
  notes:
    '<customer certificate hash data> is the hash data (SHA256) of a contract certificate the harness issues for <Configured eMAID> under the ' +
    'MO hierarchy of the run; the CSMS side is asked to clear and report that customer (driver action requestCustomerInformation with ' +
    'customerCertificate). The request must carry that hash data and neither idToken nor customerIdentifier. Applies when the run declares ' +
    'ISO 15118 Plug & Charge (configured.iso15118Pnc; Part 5 ISO-4).',
  applicable: (config) => (config.configured.iso15118Pnc ? undefined : 'the run does not declare ISO 15118 Plug & Charge (configured.iso15118Pnc is false)'),
  async run(ctx) {
    const chain = await ctx.step('Preparation: harness issues the contract certificate of the customer', () => contractChain(ctx, ctx.config.configured.emaid, 'http://127.0.0.1/ocsp'));
    const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = chain.links[0].hashData;
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks to clear and report the customer of that certificate; harness accepts', { report: true, clear: true, customer: { customerCertificate: { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } } }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports that no certificate of that customer remains; the CSMS answers', call.payload.requestId, ['No contract certificate of this customer is stored.']);
  },
});
