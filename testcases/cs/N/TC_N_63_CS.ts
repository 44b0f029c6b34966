/** TC_N_63_CS: after a Plug & Charge session, a station clears and reports what it holds about the contract certificate used, and then holds nothing of it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { certificateHashData } from '../../../src/pki/hash-data';
import { endpointsOf, pncApplicable, pncCharging, pncOnline, v2gCertificatesInstalled } from '../states';
import { customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_63_CS',
  name: 'Clear Customer Information - Clear and report - customerCertificate',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.09'],
  detects: ['customer.noNotify'],
  configuration: pncOnline(false, true),
  applicable: pncApplicable(),
  notes:
    'Charging state as errata 2024-09, 2025-02 and 2025-04 (6.2.96, 6.2.98, 6.2.100, 6.2.101): the memory states of the C07 cases, then ' +
    'EVConnectedPreSession, Authorized15118 (hash data), EnergyTransferStarted, and the session is ended (stop, unplug, bay left). The ' +
    'customerCertificate is the SHA256 hash data of the contract certificate the EV presented (the run\'s MO hierarchy). Step 3 may hold data ' +
    'or not; step 7 "data empty" is read as in TC_N_62_CS: one message that repeats none of the data of step 3. When both messages are the ' +
    'same text, it is taken as the station\'s notice that it holds nothing of that customer (which cannot be told apart from data kept twice).',
  run: relyingOnFeature('iso15118Pnc', async (ctx) => {
    await v2gCertificatesInstalled(ctx, ['V2GRootCertificate', 'MORootCertificate']);
    await ctx.step('Charging State: a Plug & Charge session, ended afterwards', () => pncCharging(ctx, 'hashData'));
    const material = endpointsOf(ctx).material;
    const [contract, issuer] = await Promise.all([material.credential('contract', 'ec'), material.credential('mo-sub-ca-2', 'ec')]);
    const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = certificateHashData(contract.certificatePem, issuer.certificatePem);
    const customerCertificate = { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber };
    const cleared = await customerInformation(ctx, { report: true, clear: true, customer: { customerCertificate } }, {
      request: '1-2. harness asks to clear and report the customer of the contract certificate; the station accepts',
      notify: '3-4. station sends NotifyCustomerInformationRequest until tbc is false',
    });
    const after = await customerInformation(ctx, { report: true, clear: false, customer: { customerCertificate } }, {
      request: '5-6. harness asks for that customer\'s information again; the station accepts',
      notify: '7-8. station sends NotifyCustomerInformationRequest until tbc is false',
    });
    await ctx.step('Step 7 content: nothing of that customer is reported any more', () => {
      const data = after.parts.map((p) => p.data).join('');
      const before = cleared.parts.map((p) => p.data).join('');
      // The same text twice is the station's notice that it holds nothing of this customer (step 3 may be empty too).
      const repeated = before === data ? [] : cleared.parts.flatMap((p) => p.data.split('\n')).filter((line) => line.trim() !== '' && data.includes(line));
      ctx.check.equal('number of NotifyCustomerInformationRequests', after.parts.length, 1);
      ctx.check.that('NotifyCustomerInformationRequest.data', repeated.length === 0, 'no data about the customer (empty, or a notice that none was found)', repeated.length === 0 ? `"${data}"` : `repeats "${repeated.join('; ')}"`);
    });
  }),
});
