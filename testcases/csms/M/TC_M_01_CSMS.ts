/** TC_M_01_CSMS: the CSMS installs a CSMS root certificate on the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalledByCsms } from '../states';

export default defineTestCase({
  id: 'TC_M_01_CSMS',
  name: 'Install CA certificate - CSMSRootCertificate',
  sut: 'CSMS',
  useCases: ['M05'],
  requirements: ['M05.FR.01'],
  detects: ['certificates.installNotSent', 'certificates.wrongInstallType'],
  notes: 'The CSMS side is given the certificate to install (the run PKI\'s CSMS root CA 2) and asked to install it; the request must carry exactly that certificate and type.',
  async run(ctx) {
    await certificateInstalledByCsms(ctx, '1. Reusable State CertificateInstalled for CSMSRootCertificate', 'CSMSRootCertificate');
  },
});
