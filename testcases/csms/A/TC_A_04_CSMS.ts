/** TC_A_04_CSMS: the CSMS serves TLS 1.2 or above with all four OCPP cipher suites and a proper server certificate, and accepts the boot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkCipherSuites, checkServerCertificate, checkTlsVersion, csmsProfileIn, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_04_CSMS',
  name: 'TLS - server-side certificate - Valid certificate',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.306', 'A00.FR.307', 'A00.FR.312', 'A00.FR.318', 'A00.FR.321', 'A00.FR.502', 'A00.FR.503', 'A00.FR.507', 'A00.FR.508', 'A00.FR.510'],
  precondition: 'none',
  detects: ['security.missingCipherSuites', 'boot.rejectsStation'],
  notes:
    'Cipher suite support is tested with one extra TLS 1.2 handshake per OCPP suite, offering that suite alone. A certificate in a TLS handshake ' +
    'is DER: the PEM rule is read as "a parseable X.509 certificate". When the endpoint is reached by IP address, the CN must be a host name.',
  async run(ctx) {
    const { step, station, check } = ctx;
    await csmsProfileIn(ctx, [2, 3]);
    await step('1-6. harness opens a new TLS connection (client certificate in profile 3) and the WebSocket upgrade', async () => {
      await station.connect();
      checkTlsVersion(ctx, station.lastHandshake);
      await checkCipherSuites(ctx);
      checkServerCertificate(ctx, station.lastHandshake);
    });
    await step('7-8. harness sends BootNotificationRequest (PowerUp, configured model and vendor), CSMS accepts it', async () => {
      const response = await station.boot('PowerUp');
      check.equal('BootNotificationResponse.status', response.status, 'Accepted');
    });
    await reportConnectorsAvailable(ctx, '9-10. harness reports every connector as Available');
  },
});
