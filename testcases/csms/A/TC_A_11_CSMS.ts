/** TC_A_11_CSMS: the CSMS renews the station's certificate on request, and takes the station with the new certificate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectAndBoot, credentialsFor, csmsProfileIn, renewChargingStationCertificate } from '../states';

export default defineTestCase({
  id: 'TC_A_11_CSMS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate',
  sut: 'CSMS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.11', 'A02.FR.14', 'F06.FR.01'],
  detects: ['certificates.signRejected', 'certificates.wrongCertificateType'],
  notes: 'Errata 2024-09 and 2025-04: afterwards the harness connects with the new certificate, which the CSMS must accept; the harness keeps it for the rest of the run.',
  async run(ctx) {
    const { station } = ctx;
    await csmsProfileIn(ctx, [3], { connected: true });
    const renewed = await renewChargingStationCertificate(ctx, '1. Memory State RenewChargingStationCertificate');
    const settings = await credentialsFor(ctx, 3, station.connectionSettings.csmsUrl, renewed);
    await connectAndBoot(ctx, '2-3. harness connects again with the new certificate, CSMS accepts the connection', 'Post scenario: harness boots, CSMS accepts it', settings);
    station.useCredentials(settings);
  },
});
