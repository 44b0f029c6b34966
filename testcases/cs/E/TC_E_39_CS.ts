/** TC_E_39_CS: with TxStopPoint Authorized, an authorization with no EV in time ends the transaction, and a late EV does not charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { SessionCall } from '../states';
import { AUTHORIZATION_ON, authorized, connectorReported, EV_CONNECTION_TIMEOUT, evConnectionTimedOut, isMeterOnly, txStopPoint, withSession } from '../states';

/** A TransactionEventRequest that says the EV is charging. */
const charging = (call: SessionCall): string | undefined =>
  call.action === 'TransactionEvent' && (call.payload as { transactionInfo: { chargingState?: string } }).transactionInfo.chargingState === 'Charging'
    ? 'the station started charging although the authorization had timed out'
    : undefined;

export default defineTestCase({
  id: 'TC_E_39_CS',
  name: 'Stop transaction options - Deauthorized - timeout',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E06.FR.15'],
  detects: ['evConnectionTimeout.ignored', 'transaction.wrongStoppedReason'],
  configuration: [txStopPoint('Authorized'), EV_CONNECTION_TIMEOUT, ...AUTHORIZATION_ON],
  notes:
    'TxStopPoint is set to Authorized. Steps 1-2 are expected only when the transaction has started (Started seen); errata 2024-11 / 2025-09 ' +
    '6.2.47 adds the connector report of steps 3-4 after the EV is connected (EV side, then EVSE side). Step 5 is optional: a cable event ' +
    'may be sent but no charging. Part 6 asks eventType Ended for it unless TxStartPoint is ParkingBayOccupancy; an event after the ' +
    'transaction ended can only open a new one, so the harness reads this as: Updated with ParkingBayOccupancy, otherwise Started. For ' +
    'the wait of the optional step and the check that no charging starts, the harness watches for the message timeout.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSession(ctx, async (session) => {
      const { monitor, evse } = session;
      await step('Before: reach state Authorized', () => authorized(session));
      const { startPoints } = await session.settings();
      await evConnectionTimedOut(session, '1-2. station ends the transaction', (event) => {
        check.equal('TransactionEventRequest.eventType', event.eventType, startPoints.has('ParkingBayOccupancy') ? 'Updated' : 'Ended');
        check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'Timeout');
      });
      const seenBefore = monitor.events.length;
      await session.act('Manual action: connect the EV side of the cable', { kind: 'plugIn', side: 'ev', ...evse });
      await session.act('Manual action: connect the EVSE side of the cable', { kind: 'plugIn', side: 'station', ...evse });
      session.evConnected = true;
      monitor.pendingEvse = evse; // §2.1: the first event after connecting (if one comes) names the EVSE and connector
      await connectorReported(session, 'Occupied', '3-4. station reports the connector Occupied');
      await step(`5-6. station may report the cable, but must not charge (watched for ${config.timeouts.messageMs} ms)`, async () => {
        await monitor.watch(config.timeouts.messageMs, charging);
        const after = monitor.events.slice(seenBefore).filter((c) => !isMeterOnly(c.payload)).map((c) => c.payload);
        for (const event of after) {
          check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'CablePluggedIn');
          check.notEqual('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
          check.equal('TransactionEventRequest.eventType', event.eventType, startPoints.has('ParkingBayOccupancy') ? 'Updated' : 'Started');
        }
      });
    });
  },
});
