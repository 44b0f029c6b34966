/** TC_M_03_CSMS: the CSMS installs a V2G root certificate on the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalledByCsms } from '../states';

export default defineTestCase({
  id: 'TC_M_03_CSMS',
  name: 'Install CA certificate - V2GRootCertificate',
  sut: 'CSMS',
  useCases: ['M05'],
  requirements: ['M05.FR.01'],
  detects: ['certificates.installNotSent', 'certificates.wrongInstallType'],
  notes: 'The CSMS side is given the certificate to install (the run PKI\'s V2G root CA) and asked to install it; the request must carry exactly that certificate and type.',
  async run(ctx) {
    await certificateInstalledByCsms(ctx, '1. Reusable State CertificateInstalled for V2GRootCertificate', 'V2GRootCertificate');
  },
});
