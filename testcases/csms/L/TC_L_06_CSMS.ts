/** TC_L_06_CSMS: the station finds the signature of the downloaded image invalid; the CSMS takes the InvalidSignature status and the security event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredFirmware, firmwareStatuses, firmwareUpdateRequested, securityEventSent } from '../states';

export default defineTestCase({
  id: 'TC_L_06_CSMS',
  name: 'Secure Firmware Update - InvalidSignature',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  detects: ['firmware.failureStatusRefused', 'firmware.securityEventRefused'],
  async run(ctx) {
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    const next = await firmwareStatuses(ctx, request.requestId, 3, ['Downloading', 'Downloaded', 'InvalidSignature']);
    await securityEventSent(ctx, next, 'InvalidFirmwareSignature');
  },
});
