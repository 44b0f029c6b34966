/** TC_M_30_CS: with AdditionalRootCertificateCheck true, after a new CSMS root (signed by the old one) is installed and the station connects with it, the old root is gone. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, describeChain, entryIsRoot, installedCertificateIds, newCsmsRoot, resetAndReconnect, serveServerCredentials, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_M_30_CS',
  name: 'Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Success',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.13'],
  detects: ['certificates.fallbackRootKept'],
  applicable: (config) => (config.configured.additionalRootCertificateCheck ? undefined : 'the station does not have AdditionalRootCertificateCheck true (configured.additionalRootCertificateCheck, Part 5 AS-2)'),
  notes:
    '<Configured new CSMS Root certificate 2> is a root the harness issues at run time under the run\'s CSMS root CA (security.keyAlgorithm), <Configured old CSMS Root certificate> that CSMS root CA; after the reset the harness presents a server certificate issued under the new root. ' +
    'The case runs on security profile 2 or 3 (security.switchProfiles); on profile 3 the RenewChargingStationCertificate of the Before is left out, since the station certificate does not depend on the CSMS root the station trusts. ' +
    'The reference station (Node 20 TLS cannot anchor on a root that is not self-signed) builds the path through the old root and counts a connection as validated with the new root when the chain it built contains the new one. ' +
    'The case cannot be undone over OCPP: afterwards the station trusts only the new root, and AdditionalRootCertificateCheck refuses the old (self-signed) one back (M05.FR.11). Against a real station, run it last or provision the run\'s CSMS root again after it.',
  async run(ctx) {
    await withSecurityProfile(ctx, [2, 3], async () => {
      const { step, check } = ctx;
      const { oldRootPem, newRoot, server } = await newCsmsRoot(ctx);
      await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for the new CSMS root', newRoot.certificatePem);
      try {
        await resetAndReconnect(ctx, [server]);
        await step('6-7. harness sends GetInstalledCertificateIdsRequest for CSMSRootCertificate', async () => {
          const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
          check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
          const chain = response.certificateHashDataChain ?? [];
          check.that('certificateHashDataChain no longer holds the old CSMS root', !chain.some((e) => e.certificateType === 'CSMSRootCertificate' && entryIsRoot(e, oldRootPem)), 'no entry for the old CSMS root', describeChain(chain));
        });
      } finally {
        await serveServerCredentials(ctx, undefined);
      }
    });
  },
});
