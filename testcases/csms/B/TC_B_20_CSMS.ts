/** TC_B_20_CSMS: asked by its operator, the CSMS resets an idle station (OnIdle, no evseId) and accepts it when it boots again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { rebootAfterReset, resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_20_CSMS',
  name: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  sut: 'CSMS',
  useCases: ['B11'],
  requirements: ['B11.FR.04'],
  detects: ['reset.evseIdAdded'],
  notes:
    'The operator request is a driver action. Follows errata 2024-09 [4390]: the ResetRequest must leave evseId out; its tool ' +
    'validations name no type, so the type is recorded in the message log but not judged. Part 6 gives no boot reason here; the ' +
    'harness boots with RemoteReset, as after any ResetRequest it accepted. ' +
    'Like a real station, the harness closes the connection after the reset and reconnects only after station.reconnectDelayMs.',
  async run(ctx) {
    await resetRequested(ctx, { type: 'OnIdle' }, 'Accepted', false);
    await rebootAfterReset(ctx, ['3-4. harness reconnects and sends BootNotificationRequest (RemoteReset)', '5-6. harness reports every connector as Available'], 'RemoteReset');
  },
});
