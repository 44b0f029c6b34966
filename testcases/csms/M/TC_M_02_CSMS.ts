/** TC_M_02_CSMS: the CSMS installs a manufacturer root certificate on the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalledByCsms } from '../states';

export default defineTestCase({
  id: 'TC_M_02_CSMS',
  name: 'Install CA certificate - ManufacturerRootCertificate',
  sut: 'CSMS',
  useCases: ['M05'],
  requirements: ['M05.FR.01'],
  detects: ['certificates.installNotSent', 'certificates.wrongInstallType'],
  notes: 'The CSMS side is given the certificate to install (the run PKI\'s manufacturer root CA) and asked to install it; the request must carry exactly that certificate and type.',
  async run(ctx) {
    await certificateInstalledByCsms(ctx, '1. Reusable State CertificateInstalled for ManufacturerRootCertificate', 'ManufacturerRootCertificate');
  },
});
