/** TC_A_12_CS: on request the station renews the ISO 15118 V2G certificate of each SECC with an EC key whose CN is the SeccId, and accepts the certificate the V2G sub-CA signs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { renewV2GChargingStationCertificate } from '../states';

export default defineTestCase({
  id: 'TC_A_12_CS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - V2G Certificate',
  sut: 'CS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.02', 'A02.FR.03', 'A02.FR.06', 'A02.FR.13', 'A02.FR.15', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['certificates.weakCsrKey', 'certificates.triggerRejected', 'certificates.v2gCsrWithoutSeccId'],
  notes:
    'Memory State RenewV2GChargingStationCertificate. The harness first takes a FullInventory base report: it lists the ISO15118Ctrlr ' +
    'components (top level or per EVSE) with their SeccIds and tells which of V2GCertificateInstallationEnabled, CountryName and ' +
    'OrganizationName each one implements, so the report comes before those settings (Part 6 lists it after them; nothing in it depends ' +
    'on them). Only implemented, writable ones are set, and put back afterwards; a ReadOnly one cannot be prepared and stays as it is. ' +
    '<Configured vendorId> for OrganizationName is read as security.organization (<Configured Organization>, the O the harness uses for ' +
    'certificates): the SECC certificate\'s O names its operator, while configured.dataTransferVendorId is by design a vendor id the ' +
    'station does not know (TC_P_01_CS). The C07 Before uses the same value. Steps 1-6 run once per distinct SeccId (EVSEs of one SECC ' +
    'report the same SeccId, A02); the TriggerMessageRequest names the EVSE of its ISO15118Ctrlr, none for a top-level one, and the CSR\'s ' +
    'CN must contain that SeccId. When no SeccId is reported they run once, without EVSE and without the CN check. The CSR is signed by ' +
    'V2G sub-CA 2 of the run\'s PKI, which always exists, so the SubCA fallback never applies.',
  async run(ctx) {
    await renewV2GChargingStationCertificate(ctx, '1. Memory State RenewV2GChargingStationCertificate');
  },
});
