/** TC_M_31_CS: with AdditionalRootCertificateCheck true and a new CSMS root installed, a CSMS whose certificate only the old root validates is still reached through the fallback, and the old root stays. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, deleteAfterwards, describeChain, entryIsRoot, installedCertificateIds, newCsmsRoot, resetAndReconnect, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_M_31_CS',
  name: 'Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Fallback mechanism',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.14'],
  detects: ['certificates.fallbackRootDropped'],
  applicable: (config) => (config.configured.additionalRootCertificateCheck ? undefined : 'the station does not have AdditionalRootCertificateCheck true (configured.additionalRootCertificateCheck, Part 5 AS-2)'),
  notes:
    'The new CSMS root is issued at run time under the run\'s CSMS root CA (the old root); after the reset the harness keeps presenting its own server certificate, issued by the old root. ' +
    'Part 6 steps 4-5 (a failed validation with the new root, then one with the fallback) carry no validation: the harness sees one successful connection and then checks that the old root is still installed. ' +
    'The case runs on security profile 2 or 3 (security.switchProfiles). Afterwards the harness deletes the new root, so the station trusts what it trusted before the case.',
  async run(ctx) {
    await withSecurityProfile(ctx, [2, 3], async () => {
      const { step, check } = ctx;
      const { oldRootPem, newRoot } = await newCsmsRoot(ctx);
      await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for the new CSMS root', newRoot.certificatePem);
      deleteAfterwards(ctx, newRoot.certificatePem, oldRootPem);
      await resetAndReconnect(ctx, undefined);
      await step('7-8. harness sends GetInstalledCertificateIdsRequest for CSMSRootCertificate', async () => {
        const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
        check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
        const chain = response.certificateHashDataChain ?? [];
        check.that('certificateHashDataChain holds the old CSMS root', chain.some((e) => e.certificateType === 'CSMSRootCertificate' && entryIsRoot(e, oldRootPem)), 'an entry for the old CSMS root', describeChain(chain));
      });
    });
  },
});
