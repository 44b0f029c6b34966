/** TC_E_25_CS: StopTxOnEVSideDisconnect true, UnlockOnEVSideDisconnect false: the EV-side disconnect deauthorizes, and the cable is released by the token. */
import { defineTestCase } from '../../../src/engine/testcase';
import { cableReleased, connectorReported, energyTransferSuspended, evSideDisconnected, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_25_CS',
  name: 'Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is false',
  sut: 'CS',
  useCases: ['E09'],
  requirements: ['E09.FR.01', 'E09.FR.03', 'E09.FR.04'],
  detects: ['connector.noAvailableStatus', 'ev.suspendNotReported'],
  configuration: [setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'true'), setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'false')],
  notes:
    'UnlockOnEVSideDisconnect is a variable of OCPPCommCtrlr. The token and the station-side unplug are manual actions for a detachable ' +
    'cable only (Connector.ConnectorType not c…); with a fixed cable the station reports the connector Available when the EV is gone.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      const fixed = await session.fixedCable();
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station reports the EV lost at its side');
      session.authorized = false;
      if (!fixed) await cableReleased(session, true);
      await connectorReported(session, 'Available', '3-4. station reports the connector Available');
    });
  },
});
