/** TC_B_47_CS: with AdditionalRootCertificateCheck true and a new CSMS root installed, a station migrating to a CSMS whose certificate only the old root validates fails there, falls back to its previous profile, connects there with the old root, and keeps it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeHandshake } from '../../../src/transport/security';
import { bootAccepted, certificateInstalled, deleteAfterwards, checkEndpoint, connectorsAndSecurityEvent, describeChain, entryIsRoot, installedCertificateIds, newCsmsRoot, nextAttempt, setting, withMigration, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_B_47_CS',
  name: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - New CSMS Root - New CSMS',
  sut: 'CS',
  useCases: ['B09', 'B10', 'M05'],
  requirements: ['B10.FR.07', 'M05.FR.15', 'M05.FR.16'],
  detects: ['certificates.fallbackOnMigration', 'certificates.fallbackRootDropped', 'networkProfile.noFallback'],
  configuration: [setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '1')],
  applicable: (config) => (config.configured.additionalRootCertificateCheck ? undefined : 'the station does not have AdditionalRootCertificateCheck true (configured.additionalRootCertificateCheck, Part 5 AS-2)'),
  notes:
    '<Configured (new) CSMS Root certificate 2> is a root the harness issues at run time under the run\'s CSMS root CA, which is <Configured old CSMS Root certificate>; the memory state installs the new one. ' +
    'The new CSMS is the second harness endpoint of the current security profile (2 or 3, security.switchProfiles). Both endpoints present the run\'s own server certificate, issued by the old root. ' +
    'Steps 1-6 as in TC_B_45_CS (errata 2025-04 and 2025-06). Steps 7-8: the station validates the new CSMS with the new root alone (M05.FR.15), so the harness requires the first TLS handshake on the new endpoint to fail, and no upgrade there. ' +
    'Step 9: the next connection must come to the previous endpoint and be accepted (B10.FR.07, M05.FR.16: the fallback root validates it). Step 12 requires the old root still to be listed. ' +
    'Afterwards the harness deletes the new root, so the station trusts what it trusted before the case.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSecurityProfile(ctx, [2, 3], async () => {
      const { oldRootPem, newRoot } = await newCsmsRoot(ctx);
      await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for the new CSMS root (signed by the old one)', newRoot.certificatePem);
      deleteAfterwards(ctx, newRoot.certificatePem, oldRootPem);
      await withMigration(ctx, {}, async ({ from, to, watch }) => {
        await step('7-8. station tries the new CSMS endpoint; validating its certificate with the new root only, it must not complete the TLS handshake', async () => {
          const handshake = await watch.nextHandshake(config.timeouts.connectMs, (_h, url) => url === to.baseUrl);
          check.that(`TLS handshake on the new CSMS endpoint ${to.baseUrl}`, handshake !== undefined && !handshake.ok, 'a handshake the station broke off (certificate not validated with the new CSMS root)', handshake ? describeHandshake(handshake) : `none within ${config.timeouts.connectMs} ms`);
        });
        await step('9. station falls back to the previous profile and connects there, validating with the old (fallback) root', async () => {
          const attempt = await nextAttempt(ctx, watch, config.timeouts.connectMs * 2);
          checkEndpoint(ctx, 'endpoint of the next connection attempt', attempt, from, 'the endpoint of the previously active slot');
          check.that('connection to the previous endpoint', attempt.tls?.ok === true && attempt.refusal === undefined, 'TLS handshake completed and the upgrade accepted', attempt.refusal?.reason ?? (attempt.tls ? describeHandshake(attempt.tls) : 'no TLS handshake'));
        });
        await bootAccepted(ctx, '10. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
        await connectorsAndSecurityEvent(ctx, undefined, '10. Reusable State Booted: station reports its connectors and sends SecurityEventNotificationRequest');
      });
      await step('11-12. harness sends GetInstalledCertificateIdsRequest for CSMSRootCertificate; the old root is still there', async () => {
        const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
        check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
        const chain = response.certificateHashDataChain ?? [];
        check.that('certificateHashDataChain holds the old CSMS root', chain.some((e) => e.certificateType === 'CSMSRootCertificate' && entryIsRoot(e, oldRootPem)), 'an entry of type CSMSRootCertificate for the old CSMS root', describeChain(chain));
      });
    });
  },
});
