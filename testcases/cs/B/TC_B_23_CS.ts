/** TC_B_23_CS: a connector the CSMS set Inoperative is still reported Unavailable after the station resets. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootedAfterReset, resetAnswered, statusAfterReset, withConnectorUnavailable } from '../states';

export default defineTestCase({
  id: 'TC_B_23_CS',
  name: 'Reset Charging Station - Unavailable persists reset',
  sut: 'CS',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.02', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'],
  detects: ['reset.unavailableNotPersisted', 'reset.wrongBootReason', 'reset.rejected'],
  notes:
    'The memory state is set with ChangeAvailabilityRequest (operationalStatus Inoperative, evse <Configured evseId> / ' +
    '<Configured connectorId>); the case is inconclusive when the station does not accept it, and sets the connector Operative ' +
    'again afterwards. The reset is OnIdle without evseId, as Part 6 gives it. After the boot the configured connector must ' +
    'report Unavailable and every other connector Available, by StatusNotification or by NotifyEvent on Connector.AvailabilityState.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const connector = { evseId, connectorId };
    await withConnectorUnavailable(ctx, connector, async () => {
      await resetAnswered(ctx, { type: 'OnIdle' }, 'Accepted');
      await rebootedAfterReset(ctx, { first: 3, reason: 'RemoteReset', expected: statusAfterReset([], connector) });
    });
  },
});
