/** TC_B_01_CSMS: the CSMS accepts a registered station that boots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted } from '../states';

export default defineTestCase({
  id: 'TC_B_01_CSMS',
  name: 'Cold Boot Charging Station - Accepted',
  sut: 'CSMS',
  useCases: ['B01'],
  requirements: ['B01.FR.02'],
  precondition: 'none',
  detects: ['boot.rejectsStation', 'boot.invalidResponse', 'statusNotification.silent'],
  async run(ctx) {
    await booted(ctx);
  },
});
