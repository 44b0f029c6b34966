/** TC_B_01_CS: a station that restarts is accepted and reports every connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted } from '../states';

export default defineTestCase({
  id: 'TC_B_01_CS',
  name: 'Cold Boot Charging Station - Accepted',
  sut: 'CS',
  useCases: ['B01'],
  requirements: ['B01.FR.01', 'B01.FR.05', 'B01.FR.09'],
  detects: ['boot.noConnectorStatus', 'boot.noSecurityEvent', 'boot.invalidPayload', 'reset.rejected'],
  notes:
    'Booted is entered with a ResetRequest (Part 6 lets the case choose between a reset and a power cycle). ' +
    'The post-scenario validation (every connector reported) is part of Booted steps 5-6: a connector counts as reported by a ' +
    'StatusNotification(Available) or by a NotifyEvent on Connector.AvailabilityState.',
  async run(ctx) {
    await booted(ctx, 'reset');
  },
});
