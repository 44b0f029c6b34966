/** TC_A_07_CS: with security profile 3 the station presents a client certificate with the OCPP properties and boots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { acceptedUpgrade, allConnectorsReported, bootAccepted, booting, checkClientCertificate, checkTlsVersionAndSuites, completedHandshake, endpointsOf, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_07_CS',
  name: 'TLS - Client-side certificate - valid certificate',
  sut: 'CS',
  useCases: ['A00'],
  requirements: ['A00.FR.401', 'A00.FR.402', 'A00.FR.415', 'A00.FR.416', 'A00.FR.422', 'A00.FR.502', 'A00.FR.503', 'A00.FR.507', 'A00.FR.508', 'A00.FR.511'],
  detects: ['security.noClientCertificate'],
  notes:
    'The requirement list of Part 6 prints A00.FR.508 split over two lines. The CN must be the station identity the run is configured with ' +
    '(Part 6: the unique serial number of the station). A certificate in a TLS handshake is DER: the PEM rule (A00.FR.507) is read as ' +
    '"a parseable X.509 certificate".',
  async run(ctx) {
    const { step } = ctx;
    await withSecurityProfile(ctx, [3], async () => {
      const watch = endpointsOf(ctx).watch();
      try {
        await booting(ctx);
        await step('1-4. station opens TLS and sends its client certificate, harness completes the handshake', async () => {
          const handshake = await completedHandshake(ctx, watch);
          checkTlsVersionAndSuites(ctx, handshake);
          checkClientCertificate(ctx, handshake);
        });
        await step('5-6. station sends the HTTP upgrade, harness upgrades', () => acceptedUpgrade(ctx, watch, undefined));
        await bootAccepted(ctx, '7-8. station sends BootNotificationRequest, harness accepts it');
        await allConnectorsReported(ctx, '9-10. station reports every connector as Available');
      } finally {
        watch.stop();
      }
    });
  },
});
