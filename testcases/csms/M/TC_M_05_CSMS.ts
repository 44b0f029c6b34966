/** TC_M_05_CSMS: the station fails to install the CSMS root certificate the CSMS sends; the CSMS takes the Failed answer. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalledByCsms } from '../states';

export default defineTestCase({
  id: 'TC_M_05_CSMS',
  name: 'Install CA certificate - Failed',
  sut: 'CSMS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.03'],
  detects: ['certificates.installNotSent', 'certificates.wrongInstallType'],
  notes: 'Part 6 names no validation for the request; the harness checks type and certificate as in CertificateInstalled, since the operator was asked for exactly those.',
  async run(ctx) {
    await certificateInstalledByCsms(ctx, '1-2. CSMS sends InstallCertificateRequest (CSMSRootCertificate), harness answers Failed', 'CSMSRootCertificate', 'Failed');
  },
});
