/** TC_C_50_CS: with the MO root installed, the station validates an EV's contract certificate itself and asks the CSMS with the chain's hash data; accepted, the EV charges. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncCharging, pncOnline, v2gCertificatesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_C_50_CS',
  name: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted',
  sut: 'CS',
  useCases: ['C07'],
  requirements: ['C07.FR.01', 'C07.FR.02'],
  detects: ['pnc.noHashData', 'auth.noAuthorizeRequest'],
  configuration: pncOnline(false, true),
  applicable: pncApplicable(),
  notes:
    'Memory states as errata 2025-09 6.2.35: the V2G and MO roots of the run\'s PKI are installed every time, and the V2G ' +
    'certificate is renewed when GetInstalledCertificateIds reports no V2GCertificateChain (the trigger names no EVSE: the ' +
    'reference station has one SECC, on the top-level ISO15118Ctrlr, where the ISO15118Ctrlr settings go too). Part 6 ' +
    '"configured vendorId" for OrganizationName is read as security.organization, the CSO the variable names. Errata 2025-02 ' +
    '6.2.36 wants TxStartPoint to hold PowerPathClosed, Authorized, EVConnected or ParkingBayOccupancy: checked, ' +
    'inconclusive otherwise. The EV presents the contract certificate of the run\'s MO hierarchy (CN = eMAID; driver action ' +
    'presentContractCertificate); a GetCertificateStatusRequest before the AuthorizeRequest is answered Accepted.',
  run: relyingOnFeature('iso15118Pnc', async (ctx) => {
    await v2gCertificatesInstalled(ctx, ['V2GRootCertificate', 'MORootCertificate']);
    await pncCharging(ctx, 'hashData');
  }),
});
