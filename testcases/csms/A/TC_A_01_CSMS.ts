/** TC_A_01_CSMS: the CSMS takes a station that authenticates with the configured Basic-auth credentials, and accepts its boot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectAndBoot, csmsProfileIn, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_01_CSMS',
  name: 'Basic Authentication - Valid username/password combination',
  sut: 'CSMS',
  useCases: ['A00', 'B01'],
  requirements: ['A00.FR.204', 'B01.FR.02'],
  precondition: 'none',
  detects: ['boot.rejectsStation'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes: 'Runs with security profile 1 or 2 (the harness uses the CSMS endpoint of that profile).',
  async run(ctx) {
    await csmsProfileIn(ctx, [1, 2]);
    await connectAndBoot(ctx, '1-2. harness connects with Basic auth (station id and configured password), CSMS upgrades', '3-4. harness sends BootNotificationRequest, CSMS accepts it');
    await reportConnectorsAvailable(ctx, '5-6. harness reports every connector as Available');
  },
});
