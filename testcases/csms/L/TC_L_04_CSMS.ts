/** TC_L_04_CSMS: the station refuses the CSMS's firmware update because the signing certificate was revoked. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareUpdateRequested } from '../states';

export default defineTestCase({
  id: 'TC_L_04_CSMS',
  name: 'Secure Firmware Update - RevokedCertificate',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01'],
  detects: ['firmware.updateNotSent'],
  notes: 'Part 6 lists no tool validation: the case passes when the CSMS sends a schema-valid UpdateFirmwareRequest and takes the RevokedCertificate answer.',
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers RevokedCertificate', firmware, { retrieve: 'now', install: 'now' }, 'RevokedCertificate');
  },
});
