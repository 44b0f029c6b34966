/** TC_M_21_CSMS: the CSMS asks to delete a CSMS root certificate and takes the station's Failed answer. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateDeleted, certificateInstalledByCsms, harnessTrustStore } from '../states';

export default defineTestCase({
  id: 'TC_M_21_CSMS',
  name: 'Delete a certificate from a Charging Station - Failed',
  sut: 'CSMS',
  useCases: ['M04'],
  requirements: ['M04.FR.01', 'M04.FR.07'],
  detects: ['certificates.deleteNotSent', 'certificates.installNotSent'],
  notes: 'Before: the CSMS installs the configured CSMS root (CSMS root CA 2), which the CSMS side is then asked to delete by its serial number.',
  async run(ctx) {
    const store = await harnessTrustStore(ctx);
    const pem = await certificateInstalledByCsms(ctx, 'Before: Reusable State CertificateInstalled for CSMSRootCertificate', 'CSMSRootCertificate');
    const target = { certificateType: 'CSMSRootCertificate' as const, pem };
    await certificateDeleted(ctx, 1, target, [...store, target], 'SHA256', 'Failed');
  },
});
