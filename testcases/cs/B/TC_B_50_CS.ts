/** TC_B_50_CS: the station migrates to a CSMS whose server certificate chains to a second CSMS root it got installed first. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateHashData } from '../../../src/pki';
import type { OcppServer } from '../../../src/transport/server';
import { bootAccepted, checkEndpoint, connectorsAndSecurityEvent, endpointsOf, nextAttempt, withMigration, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_B_50_CS',
  name: 'Migrate to new ConnectionProfile - Success - New CSMS Root - New CSMS',
  sut: 'CS',
  useCases: ['B10', 'M05'],
  requirements: ['M05.FR.13'],
  detects: ['security.ignoresNewCsmsRoot', 'networkProfile.ignoresPriority'],
  notes:
    'The new CSMS is the second harness endpoint of the current security profile (2 or 3; the harness moves the station there first when ' +
    'security.switchProfiles allows it). It presents csms-server-2, issued by csms-root-ca-2 of the run PKI (<Configured (new) CSMS Root ' +
    'certificate 2>, key algorithm of the run), which the memory state installs with InstallCertificateRequest. Steps 1-6 as in TC_B_45_CS ' +
    '(errata 2025-04 and 2025-06). Step 8 requires the first attempt after the reset to reach the new endpoint with a completed TLS ' +
    'handshake and be accepted. M05.FR.13 (the old root removed once the new one worked) only applies with AdditionalRootCertificateCheck ' +
    'and Part 6 validates nothing of it here. Afterwards the harness deletes csms-root-ca-2 again and serves its own certificate there.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [2, 3], async (profile) => {
      const material = endpointsOf(ctx).material;
      const root2 = await material.credential('csms-root-ca-2');
      await step('Before: Memory State CertificateInstalled (CSMSRootCertificate, CSMS root 2)', async () => {
        const response = await csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: root2.certificatePem });
        check.equal('InstallCertificateResponse.status', response.status, 'Accepted');
      });
      try {
        const prepare = async (target: OcppServer) => {
          target.useTls(await material.serverTls(profile as 2 | 3, [await material.credential('csms-server-2')]));
          return async () => target.useTls(await material.serverTls(profile as 2 | 3));
        };
        await withMigration(ctx, { prepare }, async ({ to, watch }) => {
          await step('7-8. station connects to the new CSMS endpoint, validating its certificate with CSMS root 2; the harness accepts', async () => {
            const attempt = await nextAttempt(ctx, watch, config.timeouts.connectMs);
            checkEndpoint(ctx, 'endpoint of the first connection attempt after the reset', attempt, to, 'the new CSMS endpoint');
            check.that('TLS handshake with the new CSMS', attempt.tls?.ok === true && attempt.refusal === undefined, 'completed and the upgrade accepted', attempt.refusal?.reason ?? (attempt.tls?.ok ? 'completed' : 'no completed handshake'));
          });
          await bootAccepted(ctx, '9. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
          await connectorsAndSecurityEvent(ctx, undefined, '9. Reusable State Booted: station reports its connectors and sends SecurityEventNotificationRequest');
        });
      } finally {
        if (csms.connection) await step('Afterwards: delete CSMS root 2 from the station', () => csms.call('DeleteCertificate', { certificateHashData: certificateHashData(root2.certificatePem, root2.certificatePem) }));
      }
    });
  },
});
