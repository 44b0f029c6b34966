/** TC_M_20_CS: the station deletes a CSMS root it lists, and lists it no more. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, configuredRoot, describeChain, entryIsRoot, getInstalledCertificates, installedCertificateIds } from '../states';

export default defineTestCase({
  id: 'TC_M_20_CS',
  name: 'Delete a certificate from a Charging Station - Success',
  sut: 'CS',
  useCases: ['M04'],
  requirements: ['M04.FR.01', 'M04.FR.02'],
  detects: ['certificates.deleteNotApplied'],
  notes:
    'The certificate deleted is the run PKI\'s CSMS root CA 2 (installed first when the station does not list it), not the root the station connects with: ' +
    'deleting that one would cut the connection of a station on security profile 2 or 3 for every later case.',
  async run(ctx) {
    const { step, check, csms } = ctx;
    const root2 = await configuredRoot(ctx, 'CSMSRootCertificate');
    const listed = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
    if (!(listed.certificateHashDataChain ?? []).some((e) => entryIsRoot(e, root2))) await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for CSMSRootCertificate', root2);
    const before = await getInstalledCertificates(ctx, ['CSMSRootCertificate'], [{ type: 'CSMSRootCertificate', pem: root2 }], '1. Reusable State GetInstalledCertificates for CSMSRootCertificate: the certificate to delete is there');
    const entry = (before.certificateHashDataChain ?? []).find((e) => entryIsRoot(e, root2));
    if (!entry) throw new Error('harness bug: the checked entry is gone');
    await step('2-3. harness sends DeleteCertificateRequest with the hash data the station returned', async () => {
      const response = await csms.call('DeleteCertificate', { certificateHashData: entry.certificateHashData });
      check.equal('DeleteCertificateResponse.status', response.status, 'Accepted');
    });
    await step('4. Reusable State GetInstalledCertificates for CSMSRootCertificate: the certificate is gone', async () => {
      const after = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
      const chain = after.certificateHashDataChain ?? [];
      check.that('the deleted certificate is no longer listed', !chain.some((e) => entryIsRoot(e, root2)), 'no entry for it', describeChain(chain));
    });
  },
});
