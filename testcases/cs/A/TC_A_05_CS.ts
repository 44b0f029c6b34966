/** TC_A_05_CS: the station refuses each kind of invalid CSMS server certificate, connects again once it is valid, and reports InvalidCsmsCertificate. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CredentialName } from '../../../src/pki';
import { describeHandshake } from '../../../src/transport/security';
import { endpointsOf, ifImplemented, onlyActiveSlot, securityEvent, serveServerCertificate, setting, withSecurityProfile } from '../states';

/** The generated invalid server certificates of errata 2025-02 (the wildcard one is left out: see notes). */
const INVALID: readonly [CredentialName, string][] = [
  ['csms-server-expired', 'expired'],
  ['csms-server-not-yet-valid', 'not yet valid'],
  ['csms-server-unknown-issuer', 'not signed by the installed CSMS root'],
  ['csms-server-wrong-cn', 'CommonName that is not the host of the CSMS'],
];

export default defineTestCase({
  id: 'TC_A_05_CS',
  name: 'TLS - server-side certificate - Invalid certificate',
  sut: 'CS',
  useCases: ['A00'],
  requirements: ['A00.FR.309', 'A00.FR.310', 'A00.FR.311', 'A00.FR.412', 'A00.FR.413', 'A00.FR.414'],
  detects: ['security.acceptsInvalidServerCertificate'],
  configuration: [setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '3'), ifImplemented(setting('SecurityCtrlr', 'AllowCSMSTLSWildcards', 'false'))],
  notes:
    'Follows errata 2024-11 and 2025-02: the harness drops the connection before each attempt and cycles through expired, not yet valid, ' +
    'unknown issuer and wrong CommonName certificates. Instead of waiting twice a measured reconnection time it waits for the failed handshake ' +
    'itself (the station alerts or closes), then serves the valid certificate again. NetworkConfigurationPriority is reduced to the active slot ' +
    'for the case and put back after. SecurityCtrlr.AllowCSMSTLSWildcards is set to false where the station has it (errata 2025-09 6.2.4, ' +
    '"if implemented"); the wildcard certificate is not used: the reference station has no wildcard support.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [2, 3], async () => {
      const endpoints = endpointsOf(ctx);
      const restorePriority = await onlyActiveSlot(ctx);
      const watch = endpoints.watch();
      try {
        await step('1-3. harness drops the connection; station connects again with the valid certificate', async () => {
          await csms.connection?.close(1000, 'TC_A_05_CS: reconnect');
          const handshake = await watch.nextHandshake(config.timeouts.connectMs, (h) => h.ok);
          check.that('reconnection with the valid server certificate', handshake !== undefined, 'a completed TLS handshake', handshake ? describeHandshake(handshake) : 'none');
          await csms.ensureAccepted();
        });
        for (const [certificate, what] of INVALID) {
          await step(`4-11. with a server certificate: ${what}`, async () => {
            await step('4. harness serves the invalid certificate and drops the connection', async () => {
              await serveServerCertificate(ctx, certificate);
              await csms.connection?.close(1000, 'TC_A_05_CS: reconnect');
            });
            await step('5-7. station opens TLS, receives the invalid certificate and terminates', async () => {
              const handshake = await watch.nextHandshake(config.timeouts.connectMs);
              check.that('station terminates the handshake', handshake !== undefined && !handshake.ok, 'a handshake the station does not complete', handshake ? describeHandshake(handshake) : 'none within the connect timeout');
            });
            await step('8-9. harness serves the valid certificate again; station connects', async () => {
              await serveServerCertificate(ctx, 'valid');
              const handshake = await watch.nextHandshake(config.timeouts.connectMs, (h) => h.ok);
              check.that('reconnection with the valid server certificate', handshake !== undefined, 'a completed TLS handshake', handshake ? describeHandshake(handshake) : 'none');
            });
            await securityEvent(ctx, '10-11. station sends SecurityEventNotificationRequest, harness answers', 'InvalidCsmsCertificate');
          });
        }
      } finally {
        watch.stop();
        await serveServerCertificate(ctx, 'valid');
        await restorePriority();
      }
    });
  },
});
