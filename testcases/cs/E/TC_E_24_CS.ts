/** TC_E_24_CS: StopTxOnEVSideDisconnect and UnlockOnEVSideDisconnect true: the EV-side disconnect deauthorizes and the cable can be taken out at once. */
import { defineTestCase } from '../../../src/engine/testcase';
import { notApplicable } from '../../../src/engine/verdict';
import { cableReleased, connectorReported, energyTransferSuspended, evSideDisconnected, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_24_CS',
  name: 'Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is true',
  sut: 'CS',
  useCases: ['E09'],
  requirements: ['E09.FR.01', 'E09.FR.02', 'E09.FR.04'],
  detects: ['connector.noAvailableStatus', 'ev.suspendNotReported'],
  configuration: [setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'true'), setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'true')],
  notes: 'UnlockOnEVSideDisconnect is a variable of OCPPCommCtrlr. The prerequisite (no permanently attached cable) is read from Connector.ConnectorType: a c… type is notApplicable.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      if (await session.fixedCable()) throw notApplicable('the connector has a permanently attached cable (Connector.ConnectorType c…)');
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station reports the EV lost at its side');
      session.authorized = false;
      await cableReleased(session, false);
      await connectorReported(session, 'Available', '3-4. station reports the connector Available');
    });
  },
});
