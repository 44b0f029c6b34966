/** TC_M_04_CSMS: the CSMS installs a mobility operator root certificate on the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalledByCsms } from '../states';

export default defineTestCase({
  id: 'TC_M_04_CSMS',
  name: 'Install CA certificate - MORootCertificate',
  sut: 'CSMS',
  useCases: ['M05'],
  requirements: ['M05.FR.01'],
  detects: ['certificates.installNotSent', 'certificates.wrongInstallType'],
  notes: 'The CSMS side is given the certificate to install (the run PKI\'s MO root CA) and asked to install it; the request must carry exactly that certificate and type.',
  async run(ctx) {
    await certificateInstalledByCsms(ctx, '1. Reusable State CertificateInstalled for MORootCertificate', 'MORootCertificate');
  },
});
