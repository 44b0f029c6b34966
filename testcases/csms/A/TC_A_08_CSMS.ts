/** TC_A_08_CSMS: the CSMS refuses each kind of invalid client certificate, then takes the valid one and accepts the boot. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CredentialName } from '../../../src/pki';
import { connectAndBoot, credentialsFor, csmsProfileIn, materialOf, refusedConnection, reportConnectorsAvailable } from '../states';

/** The generated invalid client certificates Part 6 names. */
const INVALID: readonly [CredentialName, string][] = [
  ['station-unknown-issuer', 'unknown certificate (issuer not trusted)'],
  ['station-expired', 'expired certificate'],
  ['station-wrong-cn', 'commonName that is not the station'],
];

export default defineTestCase({
  id: 'TC_A_08_CSMS',
  name: 'TLS - Client-side certificate - Invalid certificate',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.405', 'A00.FR.407', 'A00.FR.409', 'A00.FR.410'],
  precondition: 'none',
  detects: ['security.acceptsInvalidClientCertificate'],
  notes: 'Part 6 allows running the case once per kind of invalid certificate; the harness tries the three in one run. Any refusal counts: a TLS alert, a closed connection or an HTTP error.',
  async run(ctx) {
    const { config } = ctx;
    await csmsProfileIn(ctx, [3]);
    const url = ctx.station.connectionSettings.csmsUrl;
    for (const [certificate, what] of INVALID) {
      const credential = await materialOf(ctx).credential(certificate, config.security.keyAlgorithm);
      await refusedConnection(ctx, `1-4. harness presents an invalid client certificate (${what}), CSMS terminates the connection`, await credentialsFor(ctx, 3, url, credential));
    }
    await connectAndBoot(ctx, '5-10. harness presents its valid client certificate, CSMS upgrades', '11-12. harness sends BootNotificationRequest (PowerUp), CSMS accepts it');
    await reportConnectorsAvailable(ctx, '13-14. harness reports every connector as Available');
  },
});
