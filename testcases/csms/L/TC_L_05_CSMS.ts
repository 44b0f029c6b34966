/** TC_L_05_CSMS: the station refuses the CSMS's firmware update for an invalid signing certificate and reports it as a security event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareUpdateRequested, securityEventSent } from '../states';

export default defineTestCase({
  id: 'TC_L_05_CSMS',
  name: 'Secure Firmware Update - InvalidCertificate',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01'],
  detects: ['firmware.updateNotSent', 'firmware.securityEventRefused'],
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers InvalidCertificate', firmware, { retrieve: 'now', install: 'now' }, 'InvalidCertificate');
    await securityEventSent(ctx, 3, 'InvalidFirmwareSigningCertificate');
  },
});
