/** TC_B_20_CS: an OnIdle reset of a station without transactions is accepted, and the station boots and reports every connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootedAfterReset, resetAnswered } from '../states';

export default defineTestCase({
  id: 'TC_B_20_CS',
  name: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  sut: 'CS',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'],
  detects: ['reset.rejected', 'boot.noConnectorStatus'],
  notes:
    'The ResetRequest carries no evseId (errata 2025-09 6.2.13, written for the CSMS side, says the same of this reset). ' +
    'A connector counts as reported by a StatusNotification(Available) or by a NotifyEvent on Connector.AvailabilityState ' +
    '(Delta, "Available"); the step ends only when every configured connector has been reported, which is the post-scenario validation.',
  async run(ctx) {
    await resetAnswered(ctx, { type: 'OnIdle' }, 'Accepted');
    await rebootedAfterReset(ctx, { first: 3 });
  },
});
