/** TC_E_17_CS: with StopTxOnEVSideDisconnect, pulling the cable from the EV deauthorizes and ends the transaction; the cable is released by the token. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, cableReleased, connectorReported, energyTransferSuspended, evSideDisconnected, setting, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_17_CS',
  name: 'Stop transaction options - Deauthorized - EV side disconnect',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E06.FR.15'],
  detects: ['transaction.wrongStoppedReason', 'connector.noAvailableStatus'],
  configuration: [txStopPoint('Authorized'), setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'true'), setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'false'), ...AUTHORIZATION_ON],
  notes:
    'Prerequisite and Before configuration as errata 2025-09 6.2.45/6.2.46: TxStopPoint Authorized, StopTxOnEVSideDisconnect true, ' +
    'UnlockOnEVSideDisconnect false (OCPPCommCtrlr). The token and the station-side unplug are manual actions only for a detachable cable; ' +
    'the harness reads Connector.ConnectorType to know.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      const fixed = await session.fixedCable();
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station ends the transaction for the EV lost at its side', { stoppedReasons: ['EVDisconnected'], eventType: 'Ended' });
      if (!fixed) await cableReleased(session, true);
      await connectorReported(session, 'Available', '3-4. station reports the connector Available');
    });
  },
});
