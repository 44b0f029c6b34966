/** TC_A_04_CS: the station sets up TLS 1.2 or above with the CSMS certificate, offering the OCPP cipher suites, and boots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { acceptedUpgrade, allConnectorsReported, bootAccepted, booting, checkTlsVersionAndSuites, completedHandshake, endpointsOf, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_04_CS',
  name: 'TLS - server-side certificate - Valid certificate',
  sut: 'CS',
  useCases: ['A00'],
  requirements: ['A00.FR.309', 'A00.FR.312', 'A00.FR.313', 'A00.FR.319', 'A00.FR.321', 'A00.FR.412', 'A00.FR.422'],
  detects: ['security.noOcppCipherSuites', 'reset.rejected'],
  notes:
    'The cipher suites a station supports are read from its ClientHello; TLS 1.3 counts as "1.2 or above". Booting is entered with a ' +
    'ResetRequest; the handshake checked is the first one after it.',
  async run(ctx) {
    const { step } = ctx;
    await withSecurityProfile(ctx, [2, 3], async (profile) => {
      const endpoints = endpointsOf(ctx);
      const watch = endpoints.watch();
      try {
        await booting(ctx);
        await step('1-4. station opens a TLS connection, harness answers with its server certificate', async () => {
          const handshake = await completedHandshake(ctx, watch);
          checkTlsVersionAndSuites(ctx, handshake);
        });
        await step('5-6. station sends the HTTP upgrade, harness upgrades to a secured WebSocket', () => acceptedUpgrade(ctx, watch, profile === 2 ? endpoints.password : undefined));
        await bootAccepted(ctx, '7-8. station sends BootNotificationRequest, harness accepts it');
        await allConnectorsReported(ctx, '9-10. station reports every connector as Available');
      } finally {
        watch.stop();
      }
    });
  },
});
