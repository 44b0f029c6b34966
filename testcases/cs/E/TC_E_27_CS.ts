/** TC_E_27_CS: with a fixed cable and StopTxOnEVSideDisconnect false, an EV that stays away past EVConnectionTimeOut loses the authorization. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { notApplicable } from '../../../src/engine/verdict';
import type { ConnectorRef } from '../../../src/drivers/station-actions';
import { connectorReported, energyTransferSuspended, EV_CONNECTION_TIMEOUT, evSideDisconnected, setting, txStopPoint, withSession } from '../states';

/** The first connector of the configured layout with a permanently attached cable (Connector.ConnectorType c…), read with GetVariables. */
async function fixedCableConnector(ctx: CsCaseContext): Promise<ConnectorRef | undefined> {
  const connectors = ctx.config.station.evses.flatMap((evse) => evse.connectors.map((connectorId) => ({ evseId: evse.id, connectorId })));
  const read = await ctx.step('Before: find a connector with a permanently attached cable (Connector.ConnectorType)', () =>
    ctx.csms.call('GetVariables', { getVariableData: connectors.map((c) => ({ component: { name: 'Connector', evse: { id: c.evseId, connectorId: c.connectorId } }, variable: { name: 'ConnectorType' } })) }),
  );
  return connectors.find((_, index) => /^c/.test(read.getVariableResult[index]?.attributeValue ?? ''));
}

export default defineTestCase({
  id: 'TC_E_27_CS',
  name: 'Disconnect cable on EV-side - Suspend transaction - Fixed cable connection timeout',
  sut: 'CS',
  useCases: ['E10'],
  requirements: ['E10.FR.02', 'E10.FR.03'],
  detects: ['evConnectionTimeout.ignored', 'evSideDisconnect.ignored'],
  configuration: [txStopPoint('Authorized'), setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'false'), setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'false'), EV_CONNECTION_TIMEOUT],
  notes:
    'The case needs a permanently attached cable: it runs on the first connector whose Connector.ConnectorType is a cable type (c…), ' +
    'notApplicable when there is none (the reference station gives its last EVSE a fixed cable). TxStopPoint is set to Authorized, so step 5 ' +
    'must end the transaction with stoppedReason Timeout. Part 6 does not set TxCtrlr.EVConnectionTimeOut here; the harness sets it to ' +
    '<Configured ev_connection_timeout> so the wait is known. Errata 2025-09 6.2.52: the EV is not reconnected.',
  async run(ctx) {
    const { step, check, config } = ctx;
    const connector = await fixedCableConnector(ctx);
    if (!connector) throw notApplicable('no connector of the station has a permanently attached cable');
    await withSession(
      ctx,
      async (session) => {
        await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
        await evSideDisconnected(session, '1-2. station suspends the transaction for the EV lost at its side', { eventType: 'Updated' });
        await connectorReported(session, 'Available', '3-4. station reports the connector Available');
        await step(`5-6. station deauthorizes after <Configured ev_connection_timeout> (${config.configured.evConnectionTimeout} s)`, async () => {
          const event = await session.monitor.nextEvent('a TransactionEventRequest for the EV connection timeout', { timeoutMs: config.configured.evConnectionTimeout * 1000 + config.timeouts.messageMs });
          check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'EVConnectTimeout');
          check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
          check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'Timeout');
        });
        session.authorized = false;
      },
      { evse: connector },
    );
  },
});
