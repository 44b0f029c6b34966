/** TC_A_07_CSMS: with security profile 3 the CSMS takes the station's client certificate, supports the OCPP cipher suites, and accepts the boot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkCipherSuites, checkTlsVersion, csmsProfileIn, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_07_CSMS',
  name: 'TLS - Client-side certificate - valid certificate',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.409', 'A00.FR.410', 'A00.FR.415', 'A00.FR.416', 'A00.FR.421'],
  precondition: 'none',
  detects: ['security.missingCipherSuites'],
  notes: '<Configured client certificate> is security.stationCertificate (generated: CN = station id, signed by the CSMS root CA). Cipher suites are tested as in TC_A_04_CSMS.',
  async run(ctx) {
    const { step, station, check } = ctx;
    await csmsProfileIn(ctx, [3]);
    await step('1-6. harness opens TLS with its client certificate and the WebSocket upgrade', async () => {
      await station.connect();
      checkTlsVersion(ctx, station.lastHandshake);
      await checkCipherSuites(ctx);
    });
    await step('7-8. harness sends BootNotificationRequest (PowerUp, configured model and vendor), CSMS accepts it', async () => {
      const response = await station.boot('PowerUp');
      check.equal('BootNotificationResponse.status', response.status, 'Accepted');
    });
    await reportConnectorsAvailable(ctx, '9-10. harness reports every connector as Available');
  },
});
