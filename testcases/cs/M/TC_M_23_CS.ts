/** TC_M_23_CS: asked to delete its own Charging Station Certificate, the station refuses (NotFound or Failed). */
import { defineTestCase } from '../../../src/engine/testcase';
import { issuerHashes } from '../../../src/pki';
import { endpointsOf, installedCertificateIds, renewChargingStationCertificate, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_M_23_CS',
  name: 'Delete a certificate from a Charging Station - Unable to delete the Charging Station Certificate',
  sut: 'CS',
  useCases: ['M04'],
  requirements: ['M04.FR.01', 'M04.FR.06'],
  detects: ['certificates.deletesStationCertificate'],
  notes:
    'The hash data of the renewed Charging Station Certificate is made from what the station presented in the TLS handshake after the renewal (its serial number) and the CA that signed it (issuer name and key). ' +
    'Step 1 only reads the list: the station certificate is not among the types GetInstalledCertificateIds reports, so its answer is not judged.',
  async run(ctx) {
    await withSecurityProfile(ctx, [3], async () => {
      const { step, check, csms, config } = ctx;
      await renewChargingStationCertificate(ctx);
      await step('1. harness asks for every installed certificate (GetInstalledCertificateIdsRequest without certificateType)', () => installedCertificateIds(ctx, []));
      await step('2-3. harness sends DeleteCertificateRequest for the Charging Station Certificate', async () => {
        const leaf = csms.connectionInfo?.tls?.peerChain[0];
        if (!leaf) throw new Error('harness bug: no client certificate on a security profile 3 connection');
        const material = endpointsOf(ctx).material;
        const cas = await Promise.all([material.certificateAuthority('rsa'), material.certificateAuthority('ec')]);
        const ca = cas.find((c) => c.certificate.subject === leaf.issuer) ?? (await material.certificateAuthority(config.security.keyAlgorithm));
        const certificateHashData = { ...issuerHashes(ca.certificatePem), serialNumber: leaf.serialNumber.toLowerCase().replace(/^0+/, '') || '0' };
        const response = await csms.call('DeleteCertificate', { certificateHashData });
        check.oneOf('DeleteCertificateResponse.status', response.status, ['NotFound', 'Failed']);
      });
    });
  },
});
